class Outer:
    class Inner:
        def hello(self):
            return "inner hello"
    def make(self):
        return self.Inner()
print(Outer().make().hello(), Outer.Inner.__qualname__, Outer.Inner.__name__)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__, f() is not f())
class A:
    x = 1
    class B:
        y = 2
print(A.B.y, A.x, hasattr(A.B, "x"))
