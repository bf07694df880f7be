# Two objects with __del__ that refer to each other. CPython's cycle collector
# finalizes and frees them (PEP 442); a JVM or the CLR finalizes them from a queue;
# Boehm's topological finalization never finalizes a cycle.
import gc

log = []


class Node(object):
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append(self.name)


a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("after del: finalized %s" % sorted(log))
gc.collect()
print("after gc.collect(): finalized %s" % sorted(log))
for i in range(1000):
    pass
print("a little later: finalized %s" % sorted(log))
