class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def make(n):
    return D(n)
x = make(1)
print("holding", x.n)
make(2)
print("discarded return value")
y = [make(3), make(4)][0]
print("kept", y.n)
del x, y
print("end")
