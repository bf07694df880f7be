class A:
    def greet(self):
        return "original"
a = A()
print(a.greet())
A.greet = lambda self: "patched"
print(a.greet())
del A.greet
print(hasattr(a, "greet"))
class B(A):
    pass
b = B()
A.greet = lambda self: "from base"
print(b.greet())
B.greet = lambda self: "from subclass"
print(b.greet(), a.greet())
del B.greet
print(b.greet())
A.__add__ = lambda self, o: "added"
print(a + 1, b + 2)
A.__repr__ = lambda self: "<A!>"
print(repr(a), [b])
A.value = 5
print(a.value, b.value)
a.value = 6
print(a.value, A.value)
