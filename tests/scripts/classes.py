# Classes: attributes, methods, inheritance, class/static methods, properties.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("rex")
a = Animal.make("generic")
print(d, a, d.speak(), a.speak(), d.kind, a.kind, Animal.count)
print(Dog.helper(4), d.helper(5), d.upper, isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog)
print(Dog.__name__, Dog.__mro__, Dog.__bases__, d.__class__.__name__)
d.age = 3
print(d.__dict__, hasattr(d, "age"), getattr(d, "missing", "none"))
setattr(d, "age", 4); delattr(d, "name")
print(d.__dict__)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 2
t = Temp(); t.c = 5
print(t.c)
try:
    d.nothing
except AttributeError as e:
    print(e)
class Empty:
    pass
print(repr(Empty())[:15], Empty.__qualname__, Empty().__class__ is Empty)
