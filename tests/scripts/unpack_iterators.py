# Unpacking takes items one by one from an iterator: an endless generator is not drained, and only the
# starred target becomes a list
def numbers():
    n = 0
    while True:
        n += 1
        print("yield", n)
        yield n

try:
    a, b = numbers()
except ValueError as e:
    print("ValueError:", e)
first, *middle, last = iter(range(6))
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
for target in ("x, y, z = iter([1, 2])", "p, *q, r = [1]", "m, n = 5"):
    try:
        exec(target)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2]), f(*"ab", **{"k": 1}), f(*(i for i in range(3))), f(**{}))
for call in ("f(*1)", "print(*None)", "f(**1)", "f(a=1, **{'a': 2})", "f(**{1: 2})"):
    try:
        eval(call)
    except TypeError as e:
        print("TypeError:", e)
print(",".join(x for x in "xyz"))
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)
