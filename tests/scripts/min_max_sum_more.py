print(max([3, 1, 2]), min("zebra"), max([], default=None), min([5], default=0), max(1, 2, key=lambda v: -v))
print(sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101)), sum((x for x in range(5)), 100))
print(max([(1, "b"), (1, "a")]), min({3: "c", 1: "a"}), max("a", "B"), max([1, 2], [1, 3]))
try:
    max([])
except ValueError as e:
    print(e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
