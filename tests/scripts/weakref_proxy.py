# weakref.proxy: operations go to the referent until it dies, then ReferenceError
import weakref

class Box:
    def __init__(self, items):
        self.items = list(items)
    def total(self):
        return sum(self.items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __add__(self, other):
        return Box(self.items + list(other))
    def __str__(self):
        return "Box%s" % self.items
    def __call__(self, x):
        return x * 2

box = Box([1, 2, 3])
p = weakref.proxy(box)
print(p.total(), len(p), p[1], list(p), 2 in p, str(p), p(21))
print((p + [4]).items)
p.items.append(10)
p.extra = "set through proxy"
print(box.items, box.extra)
print(type(p).__name__, weakref.proxy(box) is p, weakref.getweakrefcount(box))
print(p == box, bool(p))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)

class Plain:
    value = 7
pl = Plain()
pp = weakref.proxy(pl, lambda r: print("proxy callback"))
print(type(pp).__name__, pp.value)
del pl
for action in (lambda: pp.value, lambda: len(p) if False else pp.value + 1, lambda: str(pp)):
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError:", e)
del box
try:
    p.total()
except ReferenceError as e:
    print("ReferenceError:", e)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
