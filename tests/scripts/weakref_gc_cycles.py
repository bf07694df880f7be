# The collector clears weak references to garbage before finalizers run; callbacks only for
# weak references that are not garbage themselves
import gc, weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("__del__", self.name, "sees other's weakref:", self.watch() if hasattr(self, "watch") else "-")

gc.disable()
a = Node("a"); b = Node("b")
a.other = b; b.other = a
a.watch = weakref.ref(b)
b.watch = weakref.ref(a)
outside = weakref.ref(a, lambda r: print("outside callback, dead:", r() is None))
del a, b
print("collected", gc.collect())
print("outside now", outside())

# a weakref that is part of the garbage gets no callback
c = Node("c")
c.self_ref = weakref.ref(c, lambda r: print("never printed"))
c.other = c
del c
print("collected", gc.collect())

# weakrefs to garbage without finalizers
class Plain:
    pass
p = Plain(); q = Plain()
p.q = q; q.p = p
wp = weakref.ref(p, lambda r: print("callback for p"))
wq = weakref.ref(q)
del p, q
print("collected", gc.collect(), wp(), wq())

# a resurrected object keeps its weak references cleared
survivors = []
class Phoenix:
    def __del__(self):
        print("Phoenix finalized, resurrecting")
        survivors.append(self)
ph = Phoenix(); ph.me = ph
wph = weakref.ref(ph)
del ph
print("collected", gc.collect(), "weakref:", wph(), "survivors:", len(survivors))
print("finalized:", gc.is_finalized(survivors[0]))
gc.enable()
