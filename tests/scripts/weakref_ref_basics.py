# weakref.ref: calling, sharing, hashing, equality and the errors of non-referenceable objects
import weakref

class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Node(%s)" % self.name

a = Node("a")
r = weakref.ref(a)
print(r() is a, r() is weakref.ref(a)())
print("shared plain ref:", weakref.ref(a) is r)
print("a callback makes a new one:", weakref.ref(a, print) is r)
print(type(r).__name__, type(r).__module__, weakref.ReferenceType is weakref.ref)
print("callback attr:", r.__callback__)
print(hash(r) == hash(a))
b = Node("b")
print(r == weakref.ref(a), r == weakref.ref(b), r != weakref.ref(b))
h = hash(r)
del a
print("dead:", r(), r() is None)
print("hash kept after death:", hash(r) == h)
rb = weakref.ref(b)
del b
try:
    hash(rb)
except TypeError as e:
    print("TypeError:", e)
for value in ([], {}, 1, "s", (1,), None, 2.5):
    try:
        weakref.ref(value)
    except TypeError as e:
        print("TypeError:", e)
# things that can be weakly referenced
def f():
    pass
class K:
    pass
for value in (f, K, {1, 2}, frozenset(), (x for x in ()), Node("m").__repr__):
    print(type(value).__name__, weakref.ref(value)() is not None or "dead")
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)

class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, tag=""):
        super().__init__(ob, callback)
        self.tag = tag
    def __new__(cls, ob, callback=None, tag=""):
        return super().__new__(cls, ob, callback)

n = Node("n")
m = MyRef(n, None, "tagged")
print(m.tag, m() is n, m is not weakref.ref(n), isinstance(m, weakref.ref))
