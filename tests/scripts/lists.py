# list operations and methods.
a = [3, 1, 2]
a.append(4); a.extend([5, 6]); a.insert(0, 0); a.insert(-1, 9)
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::2])
print(a.pop(), a.pop(0), a, a.index(9), a.count(1))
a.remove(9); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b[0] = 100; print(a, b)
a[1:3] = [7, 7, 7]; print(a)
del a[0]; print(a)
del a[::2]; print(a)
a[:] = []; print(a)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 3 in [1, 2, 3], 4 not in [1, 2, 3])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [])
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
c = [1, 2, 3]
c += [4]
c *= 2
print(c, list(range(5)), list("hi"), list((1, 2)))
nested = [[1, 2], [3, 4]]
print([x for row in nested for x in row], [row[::-1] for row in nested])
print(list(reversed([1, 2, 3])), list(enumerate("ab")), list(zip([1, 2], "ab")))
print(a.clear() if a else "empty", sum([[1], [2]], []))
