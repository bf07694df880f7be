import gc
gc.disable()
gc.collect()
class A: pass
def make_cycles():
    a = A(); a.self = a
    l = []; l.append(l)
    d = {}; d["me"] = d
    t = ([],); t[0].append(t)
    f = lambda: f
    a2, b2 = A(), A(); a2.b, b2.a = b2, a2
make_cycles()
print("collected", gc.collect())
print("nothing left", gc.collect())
gc.enable()
