# type(), __new__, class attributes, metaclass-free class machinery.
Point = type("Point", (), {"x": 0, "show": lambda self: f"P({self.x})"})
p = Point()
p.x = 3
print(p.show(), Point.__name__, type(p) is Point)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class WithNew:
    def __new__(cls, value):
        obj = super().__new__(cls)
        obj.value = value * 2
        return obj
    def __init__(self, value):
        self.seen = value
w = WithNew(5)
print(w.value, w.seen)
class Counter:
    instances = []
    def __init__(self):
        Counter.instances.append(self)
Counter(); Counter()
print(len(Counter.instances))
class Base:
    def __init_subclass__(cls, **kw):
        cls.tag = cls.__name__.lower()
class Derived(Base): pass
print(Derived.tag)
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list))
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md)
class MyInt(int):
    def double(self):
        return self * 2
print(MyInt(21).double(), MyInt(5) + 1)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hi").shout(), MyStr("a") + "b")
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(7)
except E as e:
    print(e, e.code, e.args)
