# __getattr__, __setattr__, __delattr__, __getattribute__, descriptors, __slots__.
class Dyn:
    def __getattr__(self, name):
        return f"dynamic {name}"
d = Dyn()
d.real = 1
print(d.real, d.anything)
class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Guard()
g.x = 5
del g.x
print(hasattr(g, "x"))
class Logged:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
l = Logged()
l.open = 1
print(l.open, getattr(l, "secret_x", "nope"))
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError("negative")
        setattr(obj, self.name, value)
class Account:
    balance = Positive()
a = Account()
a.balance = 10
print(a.balance, type(Account.balance).__name__)
try:
    a.balance = -1
except ValueError as e:
    print("ValueError", e)
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted()
s.y = 2
print(s.x, s.y, hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    Slotted().y
except AttributeError as e:
    print("AttributeError", e)
