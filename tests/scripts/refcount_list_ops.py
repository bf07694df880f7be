class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __repr__(self): return str(self.n)
l = [D(i) for i in range(5)]
del l[1:3]
print("deleted slice", l)
l[0:1] = [D("new")]
print("replaced slice", l)
l *= 0
print("emptied by *= 0")
m = [D("m1"), D("m2")]
m.clear()
print("cleared")
n = [D("n1")]
n.sort()
n.reverse()
n = n + []
print("end")
