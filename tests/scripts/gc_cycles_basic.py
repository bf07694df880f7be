import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.link = None
    def __del__(self):
        print("del", self.name)
gc.disable()
a, b = Node("a"), Node("b")
a.link, b.link = b, a
del a, b
print("cycle unreachable, not yet freed")
print("collect:", gc.collect())
print("again:", gc.collect())
self_ref = Node("self")
self_ref.link = self_ref
del self_ref
print("collect:", gc.collect())
l = [1, 2]
l.append(l)
d = {"d": None}
d["d"] = d
del l, d
print("containers:", gc.collect())
gc.enable()
