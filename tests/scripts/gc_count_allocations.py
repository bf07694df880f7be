# gc.get_count() after common operations, as CPython 3.11 counts them: containers made, tuples, lists and
# dicts taken from and given back to free lists (emptied by a full collection), class creation, frames
# that exist as objects only when asked for
# gc-stress: skip (stress collections reset the counts)
import gc

class Base:
    pass

class Sized:
    def __init__(self, n=0):
        self.n = n

def delta(label, make):
    gc.collect()
    counts = []
    counts.append(gc.get_count()[0])
    counts.append(gc.get_count()[0])
    keep = make()
    counts.append(gc.get_count()[0])
    print(label, counts[2] - counts[1])

def gen():
    yield 1

def raiser():
    try:
        [][1]
    except IndexError:
        pass

def new_class():
    class X:
        pass
    return X

def new_subclass():
    class X(Base):
        def method(self):
            pass
    return X

cases = [
    ("empty list", lambda: []), ("list", lambda: [1]), ("dict", lambda: {"a": 1}), ("tuple", lambda: (1, [2])),
    ("instance", lambda: Sized()), ("instance with argument", lambda: Sized(1)), ("set", lambda: {1}),
    ("10 instances", lambda: [Sized() for i in range(10)]), ("generator", lambda: (i for i in range(3))),
    ("closure", lambda: (lambda x: lambda: x)(1)), ("bound method", lambda: Sized().__init__),
    ("str()", lambda: str(5)), ("int()", lambda: int("5")), ("float()", lambda: float(5)),
    ("tuple()", lambda: tuple([1])), ("list()", lambda: list((1,))), ("dict()", lambda: dict(a=1)),
    ("enumerate", lambda: enumerate([])), ("zip", lambda: zip([], [])), ("map", lambda: map(str, [])),
    ("sorted", lambda: sorted([2, 1])), ("join", lambda: ",".join(["a"])), ("split", lambda: "a b".split()),
    ("getattr default", lambda: getattr(Base, "missing", 1)), ("hasattr", lambda: hasattr(Base, "missing")),
    ("exception", lambda: ValueError("x")), ("caught exception", raiser), ("list(generator)", lambda: list(gen())),
    ("class", new_class), ("subclass with a method", new_subclass), ("class again", new_class),
    ("repr of a tuple", lambda: repr((1, 2))), ("repr of a dict", lambda: repr({})),
    ("*args and **kwargs", lambda: (lambda *a, **k: a)(1, 2, x=3)),
    ("f(*list)", lambda: (lambda *a: a)(*[1, 2])), ("f(**dict)", lambda: (lambda **k: k)(**{"a": 1})),
    ("starred assignment", lambda: [(a, b) for a, *b in [[1, 2, 3]]]), ("join a generator", lambda: "-".join(str(i) for i in range(5))),
    ("min and max", lambda: (min([3, 1]), max(3, 1))), ("sorted with a key", lambda: sorted([3, 1, 2], key=lambda v: -v)),
    ("str.format", lambda: "{}".format(1)), ("dict.update", lambda: {}.update(a=1)), ("set.union", lambda: {1}.union([2])),
]
for label, make in cases:
    delta(label, make)

# a loop's steady state: no drift from free-list reuse
gc.collect()
start = gc.get_count()[0]
for i in range(50):
    pair = (i, [i])
    d = {"i": i}
print("after the loop", gc.get_count()[0] - start)

# list() and dict() are made fresh (tp_alloc); displays take from the free lists
gc.collect()
counts = [gc.get_count()[0]]
x = [[1], [2], [3]]
del x
counts.append(gc.get_count()[0])
made = (list(), dict(), tuple([1, 2]))
counts.append(gc.get_count()[0])
displays = ([], {})
counts.append(gc.get_count()[0])
print("free lists and type calls", [counts[i + 1] - counts[i] for i in range(len(counts) - 1)])
