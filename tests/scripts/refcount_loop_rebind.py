class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
items = [D(i) for i in range(3)]
for item in items:
    print("visiting", item.n)
print("loop done; item still bound to the last")
items = None
print("list gone")
del item
print("end")
