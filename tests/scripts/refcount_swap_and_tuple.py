class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a, b = D("a"), D("b")
a, b = b, a
print(a.n, b.n)
a = b
print("rebound a")
t = (D("t1"),)
t = t + (D("t2"),)
print("tuple grew")
del t
print("end", a.n)
