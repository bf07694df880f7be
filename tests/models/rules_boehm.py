# The boehm model's rules (README, "The models"). Each check prints "ok: <rule>" or "FAIL: <rule>".
import gc
import weakref
from rulecheck import check, done, log, Tracked, spin, raises

a = Tracked("a")
ra = weakref.ref(a)
del a
check("the last reference going frees nothing", ra() is not None and log == [])
n = gc.collect()
check("gc.collect() runs the finalizers it made ready and returns a count", log == ["a"] and n >= 0)

# Topological order: if A refers to B, A is finalized first; B waits for a later collection.
log[:] = []
x = Tracked("A")
x.other = Tracked("B")
del x
gc.collect()
check("the referring object is finalized first", log == ["A"])
gc.collect()
check("what it referred to is finalized by a later collection", log == ["A", "B"])

# A cycle of finalizable objects is never finalized, nor reclaimed.
log[:] = []
p = Tracked("P")
q = Tracked("Q")
p.other = q
q.other = p
rp = weakref.ref(p)
del p, q
for i in range(3):
    gc.collect()
check("a cycle of finalizable objects is never finalized", log == [])
check("and never reclaimed (its weak references are cleared)", rp() is None)

# GC_disable: no automatic collection while disabled.
gc.disable()
check("gc.isenabled() follows disable()", gc.isenabled() is False)
c = Tracked("c")
del c
junk = None
for i in range(20000):
    junk = [i, i, i]
check("no automatic collection while disabled", log == [])
gc.enable()
for i in range(20000):
    junk = [i, i, i]
check("heap growth collects once enabled again", log == ["c"])

check("there is no gc.get_count", not hasattr(gc, "get_count"))
with open("/tmp/refscope-model-rules.txt", "w") as f:
    f.write("x")
check("with closes the file at once", f.closed)
done()
