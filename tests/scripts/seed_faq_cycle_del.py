# A cycle of objects with __del__: reference counting cannot free it; the collector can.
# gc-stress: skip (the order of finalization comes from where earlier collections left the objects)
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("finalize", self.name)
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
del a, b
print("the cycle is unreachable but alive")
print("gc.collect() found", gc.collect(), "objects")
print("end")
