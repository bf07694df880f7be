# a suspended generator and a stored exception at exit
# gc-stress: skip (the order comes from where earlier collections left the objects in the generation lists)
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def gen():
    a = A("in generator")
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
g = gen()
next(g)
def fail():
    local = A("in traceback")
    raise KeyError("k")
try:
    fail()
except KeyError as e:
    saved = e
print("end")
