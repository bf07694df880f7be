# Callbacks run when the referent dies, after every weak reference to it is cleared, newest first
import weakref

class Thing:
    def __init__(self, name):
        self.name = name

def make_callback(tag, others):
    def callback(wr):
        print("callback", tag, "ref dead:", wr() is None, "others dead:", [o() is None for o in others])
    return callback

t = Thing("t")
refs = []
for tag in ("first", "second", "third"):
    refs.append(weakref.ref(t, make_callback(tag, refs)))
plain = weakref.ref(t)
refs.append(plain)
print("count", weakref.getweakrefcount(t))
print("order of getweakrefs:", [r is plain for r in weakref.getweakrefs(t)])
print("before del")
del t
print("after del")

# a weak reference that dies first never calls back
u = Thing("u")
w = weakref.ref(u, make_callback("never", []))
del w
del u
print("no callback for a dead weakref")

# an exception in a callback is reported and ignored
def bad(wr):
    raise ValueError("from callback")
v = Thing("v")
wv = weakref.ref(v, bad)
del v
print("still running")

# the callback may drop the last reference to the weakref itself
holder = {}
def drop(wr):
    print("dropping myself")
    holder.clear()
x = Thing("x")
holder["r"] = weakref.ref(x, drop)
del x
print("holder", holder)
