# Cells keep captured variables alive as long as a closure lives.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def make():
    captured = D("captured")
    def use():
        return captured.n
    return use
f = make()
print("closure alive:", f())
del f
print("closure gone")
def two():
    a = D("a")
    b = D("b")
    return lambda: a
g = two()
print("only a is captured")
g = None
class C:
    def __init__(self):
        self.d = D("attr")
    def method(self):
        return self.d.n
m = C().method
print("bound method keeps the instance:", m())
m = None
print("end")
