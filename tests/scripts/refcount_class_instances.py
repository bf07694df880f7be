# Instances, class attributes and methods under reference counting.
class Tracked:
    count = 0
    def __init__(self, name):
        self.name = name
        Tracked.count += 1
    def __del__(self):
        Tracked.count -= 1
        print("bye", self.name, "left:", Tracked.count)
a = Tracked("a")
b = Tracked("b")
c = a
print("two names for a")
del a
print("a still alive through c")
del c
print("now gone")
items = [Tracked(i) for i in range(3)]
items.pop(1)
print("popped")
items.reverse()
del items
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("node", self.name)
chain = Node("root", Node("middle", Node("leaf")))
del chain
del b
print("end", Tracked.count)
