# Objects still alive at exit are finalized in CPython 3.11's order
# gc-stress: skip (the order comes from where earlier collections left the objects in the generation lists)
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A(1)
b = A(2)
c = A(3)
c.self = c
d = [A(4), A(5)]
e = {"k": A(6)}
def f(): pass
print("end")
