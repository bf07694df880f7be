# The jvm model's rules (README, "The models"). Each check prints "ok: <rule>" or "FAIL: <rule>".
import gc
import weakref
from rulecheck import check, done, log, Phoenix, Tracked, spin, raises

# Dropping the last reference frees nothing and runs no finalizer.
a = Tracked("a")
ra = weakref.ref(a)
del a
check("the last reference going frees nothing", ra() is not None and log == [])

# Until a collection, a weak reference still reaches the object, which can be stored again.
back = ra()
check("an unreachable object is reachable again through a weak reference", back is not None and back.name == "a")
del back

# gc.collect() is System.gc(): a full collection; it returns -2 (Jython cannot count).
check("gc.collect() returns -2", gc.collect() == -2)
check("weak references to unreachable objects are cleared at the collection", ra() is None)
check("finalizers do not run inside gc.collect()", log == [])
spin(200)
check("the finalizer thread runs queued finalizers later", log == ["a"])

# One collection reclaims a whole dead subgraph, not one layer at a time.
class Node:
    pass
head = Node()
node = head
refs = []
for i in range(50):
    node.next = Node()
    node = node.next
    refs.append(weakref.ref(node))
del head, node
gc.collect()
check("one collection reclaims a whole dead chain", all(r() is None for r in refs))

# Collections come from allocation volume (the young size), without gc.collect().
log[:] = []
b = Tracked("b")
rb = weakref.ref(b)
del b
junk = None
for i in range(20000):
    junk = [i, i, i]
spin(500)
check("allocating past the young size collects: the weakref is cleared", rb() is None)
check("and the finalizer ran without gc.collect()", log == ["b"])

# A finalizer runs once: an object that resurrects itself is not finalized again.
Phoenix()
gc.collect()
spin(200)
Phoenix.saved[:] = []
gc.collect()
spin(200)
check("a finalizer runs at most once, even after a resurrection", Phoenix.runs == 1)

# Weak reference callbacks go through the finalizer thread too.
called = []
target = Tracked("target")
wr = weakref.ref(target, lambda r: called.append(r))
del target
gc.collect()
check("a weakref callback does not run inside the collection", called == [])
spin(200)
check("the finalizer thread calls it later", called == [wr])

# Jython's gc module.
check("gc.isenabled() is True", gc.isenabled() is True)
check("gc.disable() raises", raises(gc.disable, NotImplementedError, "can't disable Java GC"))
check("gc.get_count() raises", raises(gc.get_count, NotImplementedError, "not applicable to Java GC"))
check("gc.get_threshold() raises", raises(gc.get_threshold, NotImplementedError, "not applicable to Java GC"))
check("gc.get_objects() raises", raises(gc.get_objects, NotImplementedError, "not applicable to Java GC"))
check("gc.set_threshold() raises", raises(lambda: gc.set_threshold(1), NotImplementedError, "not applicable to Java GC"))
check("gc.get_referrers() raises", raises(gc.get_referrers, NotImplementedError, "not applicable to Java GC"))
check("gc.get_referents() raises", raises(gc.get_referents, NotImplementedError, "not applicable to Java GC"))
check("gc.enable() does nothing", gc.enable() is None)
check("there is no gc.freeze, is_tracked or is_finalized",
      not hasattr(gc, "freeze") and not hasattr(gc, "is_tracked") and not hasattr(gc, "is_finalized"))
check("there is no gc.get_stats", not hasattr(gc, "get_stats"))
check("there is no gc.callbacks", not hasattr(gc, "callbacks"))

# with closes a file at once, in every model.
with open("/tmp/refscope-model-rules.txt", "w") as f:
    f.write("x")
check("with closes the file at once", f.closed)

# A finalizer still pending when the program ends never runs (the JVM runs none at exit).
class AtExit:
    def __del__(self):
        print("FAIL: a finalizer ran at exit")
keep = AtExit()
done()
