def sub():
    try:
        x = yield 1
        print("sub got", x)
        yield 2
    finally:
        print("sub finally")
    return "sub-ret"
def top():
    r = yield from sub()
    print("top got", r)
    yield 3
g = top()
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("done", e.value)
def gen_return():
    yield 1
    return 99
g2 = gen_return()
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("return value", e.value)
def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    squares = (e * e for e in evens)
    return list(squares)
print(pipeline())
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
acc = accumulate()
next(acc)
for v in [1, 2, 3]:
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration:
    print("accumulator finished")
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = closer()
next(c)
c.close()
print("gen state ok", c.gi_frame is None)
def gen_raises():
    yield 1
    raise ValueError("inside gen")
try:
    list(gen_raises())
except ValueError as e:
    print("propagated", e)
