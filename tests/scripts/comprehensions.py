# List, set, dict comprehensions and their scoping.
print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0])
print({x % 3 for x in range(10)}, {k: v for k, v in [("a", 1), ("b", 2)]})
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(3)])
x = "outer"
ys = [x for x in "ab"]
print(x, ys)
print([y for y in range(3) if y if y > 1], [a + b for a, b in zip([1, 2], [10, 20])])
print(sum(i for i in range(10)), max((len(w), w) for w in ["aa", "b", "ccc"]))
nums = [1, 2, 3]
print([n for n in nums if n != 2], list(filter(None, [0, 1, "", "a"])), list(map(str, nums)))
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
print([(lambda q: q * 2)(i) for i in range(3)])
if (n := len(nums)) > 2:
    print("walrus", n)
print([last := i for i in range(3)], last)
