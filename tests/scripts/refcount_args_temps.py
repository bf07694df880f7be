# When temporaries and arguments die.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __repr__(self): return f"D({self.n})"
def consume(x):
    print("consume got", x)
    x = None
    print("consume after clearing its argument")
consume(D(1))
print("---")
def ident(x):
    return x
ident(D(2))
print("--- nested calls")
print(ident(ident(D(3))))
print("--- list of temporaries")
len([D(4), D(5)])
print("--- attribute chain")
class Box:
    def __init__(self, v): self.v = v
Box(D(6)).v.n
print("--- comparison")
D(7) is None
print("--- augmented")
s = [D(8)]
s += [D(9)]
s = None
print("--- dict update")
d = {"k": D(10)}
d["k"] = D(11)
print("replaced")
d.clear()
print("end")
