nums = list(range(10))
for n in nums[:]:
    if n % 3 == 0:
        nums.remove(n)
print(nums)
evens = [n for n in nums if n % 2 == 0]
print(evens, nums.sort() or nums)
stack = []
for c in "(()())":
    if c == "(":
        stack.append(c)
    else:
        stack.pop()
print("balanced", not stack)
