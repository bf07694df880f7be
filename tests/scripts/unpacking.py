a, b = 1, 2
(c, d), e = (3, 4), 5
f, *g = [1, 2, 3]
*h, i = "abc"
j, *k, l = range(5)
print(a, b, c, d, e, f, g, h, i, j, k, l)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *"xy"], (*[1], 2), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
for x, (y, z) in [(1, (2, 3)), (4, (5, 6))]:
    print(x, y, z)
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print(err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print(err)
try:
    a, b = 5
except TypeError as err:
    print(err)
m = {"k": 1}
print(f(**m), dict(**m, z=0))
first, second = "hi"
print(first, second)
