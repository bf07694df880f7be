class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        "The radius."
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v
    @radius.deleter
    def radius(self):
        print("deleting radius")
        del self._r
    @property
    def area(self):
        return round(3.14159 * self._r ** 2, 2)
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print(e)
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError:", e)
del c.radius
print(hasattr(c, "_r"), Circle.radius.__doc__)
