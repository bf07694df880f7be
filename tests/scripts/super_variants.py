class A:
    def hello(self):
        return "A"
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
class B(A):
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def make(cls):
        return "B>" + super().make()
class C(B):
    def hello(self):
        return "C>" + super(B, self).hello()
print(B().hello(), C().hello(), B.make(), C.make())
print(super(C, C()).hello(), isinstance(super(B, B()), super))
try:
    super(B, 5)
except TypeError as e:
    print(e)
