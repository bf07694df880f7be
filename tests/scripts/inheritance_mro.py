# Multiple inheritance, C3 MRO, super chains.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Base:
    def __init__(self, x):
        self.x = x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
c = Child(1, 2)
print(c.x, c.y, super(Child, c).__init__ is not None)
class Meta(type):
    pass
print(type(int), type(type), type(Meta), isinstance(D, type))
try:
    class Bad(D, B, C): pass
except TypeError as e:
    print("TypeError:", e)
class X:
    def f(self): return "X.f"
class Y(X):
    pass
print(Y().f(), Y.f is X.f)
