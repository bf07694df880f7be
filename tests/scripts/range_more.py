r = range(2, 20, 3)
print(list(r), len(r), r[1], r[-1], r[1:3], 8 in r, 9 in r, r.index(11), r.count(5))
print(list(range(10, 0, -2)), list(range(0)), range(0) == range(5, 5), list(range(-5, -1)))
print(sum(range(100)), max(range(7)), list(reversed(range(4))), range(1, 10)[::-1][0])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
