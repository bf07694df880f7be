# WeakSet: a set of live objects
import weakref

class Listener:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Listener(%s)" % self.name

listeners = weakref.WeakSet()
l1, l2, l3 = Listener("1"), Listener("2"), Listener("3")
for l in (l1, l2, l3):
    listeners.add(l)
del l
print(len(listeners), l1 in listeners, sorted(x.name for x in listeners))
del l2
print("after del:", len(listeners))
# a member dying while an iteration runs is removed when the iteration ends
it = iter(listeners)
held = next(it)
if held is l1:
    del l3
else:
    del l1
    l1 = held
print("during iteration:", len(listeners), len(listeners.data))
print("rest", len(list(it)), "then", len(listeners), len(listeners.data))
del held, it
listeners.discard(l1)
print(len(listeners))
others = weakref.WeakSet([l1])
listeners.add(l1)
print(listeners == others, len(listeners | others), len(listeners - others), len(listeners & others))
print(listeners.pop() is l1, len(listeners))
try:
    listeners.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    listeners.add(1)
except TypeError as e:
    print("TypeError:", e)
