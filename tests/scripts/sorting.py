data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: (t[1], t[0]), reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums, sorted(nums, reverse=True), max(nums, key=abs), min(nums, key=lambda v: (v % 3, v)))
stable = sorted([(1, "x"), (0, "y"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable)
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted([[2, 1], [1, 2], [1, 1]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
big = list(range(1000, 0, -7))
print(sorted(big)[:5], sorted(big) == sorted(big, key=lambda v: v))
