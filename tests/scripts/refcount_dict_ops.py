class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {"a": D("a"), "b": D("b"), "c": D("c")}
d.pop("b")
print("popped b")
d["a"] = None
print("replaced a")
d.popitem()
print("popitem")
d.update(x=D("x"))
d.clear()
print("cleared")
s = {1: D(1)}
del s[1]
print("end")
