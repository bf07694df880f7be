class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f(arg=D("default")):
    return arg
print("function defined")
f = None
print("function released with its default")
g = lambda: None
g.attr = D("function attribute")
del g
print("end")
