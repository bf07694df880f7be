class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def gen():
    held = D("held by generator")
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen()
next(g)
print("about to drop generator")
g = None
print("after drop")
def exhausted():
    h = D("exhausted gen local")
    yield 1
for _ in exhausted():
    pass
print("end")
