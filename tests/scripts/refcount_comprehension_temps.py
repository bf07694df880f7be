class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
print([d.n for d in [D(1), D(2)]])
print("after comprehension")
total = sum(D(i).n for i in range(3))
print("total", total)
names = {D(k).n: k for k in "ab"}
print(names)
