def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
    return "inner done"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield "after"
g = outer()
print(next(g))
print(g.throw(ValueError("thrown")))
print(next(g))
print(next(g, "exhausted"))
g2 = outer()
next(g2)
g2.close()
print("closed outer and inner")
def obstinate_inner():
    try:
        yield 1
    except KeyError:
        return "returned from inner"
def wrapper():
    r = yield from obstinate_inner()
    yield r
g3 = wrapper()
next(g3)
print(g3.throw(KeyError("k")))
class Sub:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, exc):
        print("Sub.throw got", type(exc).__name__)
        raise StopIteration(99)
    def close(self):
        print("Sub.close")
def deleg():
    v = yield from Sub()
    yield ("result", v)
g4 = deleg()
print(next(g4), next(g4))
print(g4.throw(IndexError()))
g5 = deleg()
next(g5)
g5.close()
def plain_iter_deleg():
    yield from [1, 2, 3]
g6 = plain_iter_deleg()
next(g6)
try:
    g6.throw(RuntimeError("into list"))
except RuntimeError as e:
    print("propagated", e)
