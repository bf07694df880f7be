class C:
    shared = []
    def __init__(self):
        self.own = []
a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own, C.shared is a.shared)
a.shared = ["instance"]
print(a.shared, b.shared, C.shared)
C.new_attr = "added"
print(a.new_attr, hasattr(b, "new_attr"), "new_attr" in C.__dict__, "own" in a.__dict__)
del C.new_attr
print(hasattr(a, "new_attr"))
print(C.__module__, C.__qualname__, type(C.__dict__).__name__ in ("dict", "mappingproxy"))
class D(C):
    pass
print(D.shared is C.shared, D.__base__ is C, [k.__name__ for k in D.mro()])
