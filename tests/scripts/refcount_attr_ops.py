class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Holder: pass
h = Holder()
h.x = D("x1")
h.x = D("x2")
print("reassigned attribute")
del h.x
print("deleted attribute")
h.y = D("y")
h.__dict__.clear()
print("cleared __dict__")
class Slots:
    __slots__ = ("v",)
s = Slots()
s.v = D("slot1")
s.v = D("slot2")
print("slot reassigned")
del s
print("end")
