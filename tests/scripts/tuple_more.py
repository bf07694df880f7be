t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:3], t[::-1], (1,) * 3, () + (), tuple("ab"), tuple(range(3)))
print(t < (1, 2, 4), (1, 2) < (1, 2, 0), max((1, 5), (2, 0)), sorted([(2, "b"), (1, "z"), (2, "a")]))
a, = (5,)
print(a, len(()), (1, 2) + (3,), hash(()) == hash(()), (([],)))
try:
    t[0] = 9
except TypeError as e:
    print(e)
