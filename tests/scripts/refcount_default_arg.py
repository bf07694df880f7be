class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f(x=D("default")):
    return x.n
print(f(), f(D("arg")))
print("defaults live with the function")
del f
print("end")
