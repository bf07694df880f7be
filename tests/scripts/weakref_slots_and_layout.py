# Which instances can be weakly referenced: __slots__ leaves __weakref__ out unless named
import weakref

class Slotted:
    __slots__ = ("x",)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
class Sub(Slotted):
    pass
class IntSub(int):
    pass
class ListSub(list):
    pass
class ExcSub(Exception):
    pass

for cls, args in ((Slotted, ()), (SlottedWeak, ()), (Sub, ()), (ListSub, ()), (ExcSub, ("e",)), (IntSub, (3,))):
    obj = cls(*args)
    try:
        r = weakref.ref(obj)
        print(cls.__name__, "ok", r() is obj)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)

s = SlottedWeak()
s.x = 1
r = weakref.ref(s, lambda w: print("slotted callback"))
del s
print("done")
