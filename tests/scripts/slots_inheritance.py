class Base:
    __slots__ = ("a",)
class Child(Base):
    __slots__ = ("b",)
c = Child()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, "__dict__"))
class Open(Base):
    pass
o = Open()
o.a = 1
o.anything = 2
print(o.a, o.anything, sorted(o.__dict__))
class WithDict:
    __slots__ = ("x", "__dict__")
w = WithDict()
w.x = 1
w.y = 2
print(w.x, w.y, w.__dict__)
