# gc.set_debug: DEBUG_COLLECTABLE names each unreachable object; DEBUG_LEAK also keeps them in gc.garbage
# gc-stress: skip (the order of the list comes from where earlier collections left the objects)
import gc

class Node:
    def __init__(self, name):
        self.name = name

gc.collect()
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
box = [a]
box.append(box)
del a, b, box
gc.set_debug(gc.DEBUG_COLLECTABLE)
print("collected", gc.collect())
print("garbage", gc.garbage)

c = Node("c")
c.me = c
del c
gc.set_debug(gc.DEBUG_LEAK)
print("collected", gc.collect())
print("kept in garbage:", [type(o).__name__ for o in gc.garbage], gc.garbage[0].name)
gc.set_debug(0)
gc.garbage.clear()
print("debug", gc.get_debug())
