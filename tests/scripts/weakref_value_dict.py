# WeakValueDictionary: entries go with their values; removals wait while an iteration runs
import gc, weakref

class Img:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Img(%s)" % self.name

cache = weakref.WeakValueDictionary()
a, b, c = Img("a"), Img("b"), Img("c")
cache["a"] = a
cache["b"] = b
cache.update({"c": c})
print(len(cache), sorted(cache), cache["a"], cache.get("zz", "missing"))
del b
print("after del b:", len(cache), sorted(cache.keys()), "b" in cache)
try:
    cache["b"]
except KeyError as e:
    print("KeyError", e)

# values dying during an iteration are removed only when it ends
it = iter(cache.items())
first = next(it)
print("iterating, got", first)
del a
print("len during iteration", len(cache.data))
rest = list(it)
print("rest", rest, "len after", len(cache))
del first, rest

print(cache.setdefault("d", c), cache.pop("d"), cache.pop("d", "gone"))
print(sorted(cache.valuerefs(), key=lambda r: r().name)[0]() is c)
copy = cache.copy()
print(type(copy).__name__, sorted(copy.items()))
print(cache.popitem(), len(cache))
print(repr(cache).startswith("<WeakValueDictionary at 0x"))

# values in a cycle go at the next collection
class Cyc:
    pass
gc.disable()
x = Cyc(); x.me = x
cache["x"] = x
del x
print("before collect", len(cache))
gc.collect()
print("after collect", len(cache))
gc.enable()
