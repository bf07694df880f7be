# Generators: yield, send, yield from, close, generator expressions.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(3)), sum(x * x for x in range(4)))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
g = echo()
print(next(g), g.send(1), g.send("two"))
def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
w = with_finally()
print(next(w))
w.close()
print("closed")
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
def delegate():
    yield from range(3)
    yield from "xy"
print(list(delegate()))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"handled {e}"
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
