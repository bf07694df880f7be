class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def level3():
    c = D(3)
    return c.n
def level2():
    b = D(2)
    return level3() + b.n
def level1():
    a = D(1)
    return level2() + a.n
print(level1())
def recurse(n):
    local = D(f"r{n}")
    if n:
        recurse(n - 1)
    print("leaving", n)
recurse(2)
print("end")
