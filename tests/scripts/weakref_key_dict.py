# WeakKeyDictionary: extra data attached to objects without keeping them alive
import weakref

class Widget:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Widget(%s)" % self.name

meta = weakref.WeakKeyDictionary()
w1, w2, w3 = Widget("one"), Widget("two"), Widget("three")
meta[w1] = {"clicks": 1}
meta[w2] = {"clicks": 2}
meta.update({w3: {"clicks": 3}})
print(len(meta), meta[w2], w1 in meta, Widget("x") in meta, 5 in meta)
del w2
print("after del:", len(meta), sorted(k.name for k in meta))
keys = meta.keys()
k = next(keys)
del w3
print("during iteration:", len(meta), len(meta.data))
print("rest", list(keys), len(meta), len(meta.data))
del k, keys
print(meta.get(w1), meta.setdefault(w1, "x") is meta[w1], meta.pop(w1), len(meta))
w4 = Widget("four")
meta[w4] = 4
print(meta.popitem(), len(meta))
print(len(meta.keyrefs()), repr(meta).startswith("<WeakKeyDictionary at 0x"))
