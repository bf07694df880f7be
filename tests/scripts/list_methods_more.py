l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l.index(1), l.index(1, 2), l.count(1), l[::-1], l[-3:], sorted(l)[len(l) // 2])
l.insert(100, "end"); l.insert(-100, "start")
print(l, l.pop(-2), len(l))
m = [[]] * 3
m[0].append(1)
print(m, [[] for _ in range(3)])
try:
    l.index("nope")
except ValueError as e:
    print(e)
print([1, 2, 3] * 0, [] * 5, list(range(3)) + list("ab"))
