class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2])), sorted([3, 1], key=Adder(-10)))
class Method:
    def m(self):
        return self
obj = Method()
bound = obj.m
print(bound() is obj, bound.__self__ is obj, bound.__func__ is Method.m, Method.m(obj) is obj)
