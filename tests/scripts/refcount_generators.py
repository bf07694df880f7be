# Generator frames hold their locals until the generator finishes or dies.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def gen():
    a = D("gen local")
    yield 1
    yield 2
    print("gen finishing")
g = gen()
print(next(g))
print("suspended")
del g
print("after del g")
g2 = gen()
for v in g2:
    print("got", v)
print("loop done")
del g2
def infinite():
    obj = D("infinite local")
    try:
        while True:
            yield obj.n
    finally:
        print("finally in generator")
it = infinite()
print(next(it))
it = None
print("end")
