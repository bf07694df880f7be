class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), issubclass(B, (C, A)), issubclass(B, B))
print(isinstance(1, (int, float)), isinstance(1.0, int), isinstance("", str), isinstance([], (list, tuple)))
print(isinstance(True, int), isinstance(None, type(None)), isinstance(int, type), isinstance(type, type))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
print(type(b) == B, type(b).__name__, b.__class__ is B, B.__mro__[1] is A)
