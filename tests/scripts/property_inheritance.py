class Shape:
    @property
    def area(self):
        return 0
    def describe(self):
        return f"{type(self).__name__} with area {self.area}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    @property
    def area(self):
        return self.s ** 2
print(Shape().describe(), Square(3).describe())
class Cached:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return 42
c = Cached()
print(c.value, c.value, c.calls)
