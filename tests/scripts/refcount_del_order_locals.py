class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f():
    c = D("c")
    a = D("a")
    b = D("b")
    return "returned"
print(f())
def g(x, y):
    z = D("z")
    return None
g(D("x"), D("y"))
print("---")
def h():
    first = D(1)
    first = D(2)
    print("in h")
h()
print("end")
