class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def key(v):
    return D(v).n
print(sorted([3, 1, 2], key=key))
print(max([1, 5, 2], key=lambda v: D(v * 10).n))
print("end")
