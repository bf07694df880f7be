print(list(enumerate("abc", start=10)), list(zip([1, 2, 3], "ab")), list(zip()), list(zip("a")))
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a * b, [1, 2], [3, 4, 5])))
print(list(filter(str.isdigit, "a1b2")), dict(enumerate("xy")), list(zip(*[(1, "a"), (2, "b")])))
e = enumerate([5, 6])
print(next(e), list(e), list(e))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as err:
    print(err)
