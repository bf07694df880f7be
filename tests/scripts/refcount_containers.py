# The order in which containers release their items, as CPython does.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
print("list releases last to first")
l = [D(1), D(2), D(3)]
del l
print("dict releases in insertion order")
d = {}
d["a"] = D("a"); d["b"] = D("b"); d["c"] = D("c")
del d
print("nested")
n = [D("outer"), [D("inner1"), D("inner2")]]
del n
print("instance attributes in insertion order")
class Holder: pass
h = Holder()
h.first = D("first"); h.second = D("second")
del h
print("pop and remove")
l2 = [D("p"), D("q")]
l2.pop()
print("after pop")
l2.remove(l2[0])
print("after remove")
print("set item replace")
box = [D("old")]
box[0] = D("new")
print("replaced")
del box
print("end")
