class C:
    def __init__(self):
        self.a = 1
c = C()
print(getattr(c, "a"), getattr(c, "b", None), hasattr(c, "a"), hasattr(c, "zz"))
setattr(c, "b", 2)
print(c.b, vars(c), sorted(vars(c)))
delattr(c, "a")
print(vars(c))
print(getattr([], "append").__name__, getattr("s", "upper")(), getattr(C, "__init__").__name__)
try:
    getattr(c, "missing")
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
