# weakref.finalize: a callback when an object dies, called at most once, also at exit
import weakref

class Resource:
    def __init__(self, name):
        self.name = name

def release(name, how="normally"):
    print("release", name, how)
    return name

r1 = Resource("r1")
f1 = weakref.finalize(r1, release, "r1")
print(f1.alive, f1.atexit, f1.peek()[1] is release)
del r1
print("alive after del:", f1.alive, f1())

r2 = Resource("r2")
f2 = weakref.finalize(r2, release, "r2", how="by hand")
print("call:", f2(), "again:", f2())

r3 = Resource("r3")
f3 = weakref.finalize(r3, release, "r3")
obj, func, args, kwargs = f3.detach()
print("detached", obj is r3, args, kwargs, f3.alive)
del obj, r3

# these stay alive until exit: finalized newest first, unless atexit is False
keep = [Resource(n) for n in ("k1", "k2", "k3")]
fs = [weakref.finalize(k, release, k.name, how="at exit") for k in keep]
fs[1].atexit = False
print([f.alive for f in fs], repr(fs[0]).endswith(">"))
print("end of script")
