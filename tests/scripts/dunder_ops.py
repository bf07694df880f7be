# Operator overloading through dunder methods.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, z):
        return self.x + self.y + z
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, a == V(1, 2), a != b, a < b, sorted([b, a]))
print(len(a), a[0], list(a), 2 in a, 9 in a, bool(V(0, 0)), a(10), {a: 1}[V(1, 2)])
c = a
c += b
print(c, a is c)
class N:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return N(o + self.v)
    def __repr__(self): return f"N({self.v})"
print(1 + N(2), sum([N(1), N(2)], 0) if False else "skip")
try:
    V(1, 2) + 3
except AttributeError as e:
    print("AttributeError", e)
class Cmp:
    def __eq__(self, o): return NotImplemented
print(Cmp() == Cmp(), Cmp() != 1)
