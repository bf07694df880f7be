# The clr model's rules (README, "The models"). Each check prints "ok: <rule>" or "FAIL: <rule>".
import gc
import weakref
from rulecheck import check, done, log, Phoenix, Tracked, spin, raises

a = Tracked("a")
ra = weakref.ref(a)
del a
check("the last reference going frees nothing", ra() is not None and log == [])

# gc.collect() is GC.Collect() then GC.WaitForPendingFinalizers(): finalizers have run when it returns.
freed = gc.collect()
check("gc.collect() returns the bytes freed, an int >= 0", isinstance(freed, int) and freed >= 0)
check("weak references are cleared at the collection", ra() is None)
check("pending finalizers have run when gc.collect() returns", log == ["a"])

# gc.collect(0) collects generation 0 only: an object promoted to generation 1 waits.
log[:] = []
old = Tracked("old")
gc.collect(0)          # old survives, promoted to generation 1
del old
gc.collect(0)
check("a generation-0 collection leaves older generations alone", log == [])
gc.collect(1)
check("a generation-1 collection finds it", log == ["old"])

# Collections come from the generation-0 budget, and the finalizer thread runs soon after.
log[:] = []
b = Tracked("b")
del b
junk = None
for i in range(20000):
    junk = [i, i, i]
check("allocating past the gen-0 budget collects and finalizes", log == ["b"])

# A finalizable object resurrected by its finalizer lives on, and is not finalized again.
Phoenix()
gc.collect()
check("a resurrected object lives on", len(Phoenix.saved) == 1)
Phoenix.saved[:] = []
gc.collect()
check("its finalizer is not run again", Phoenix.runs == 1)

# IronPython's gc module.
check("gc.isenabled() is always True", gc.isenabled() is True)
gc.disable()   # warns RuntimeWarning on stderr, and changes nothing
check("gc.disable() changes nothing", gc.isenabled() is True)
check("gc.get_threshold() gives IronPython's byte thresholds", gc.get_threshold() == (65536, 262144, 1048576))
try:
    gc.set_debug(0)
    ok = False
except NotImplementedError as e:
    ok = str(e) == "gc.set_debug isn't implemented"
check("gc.set_debug raises NotImplementedError", ok)
check("gc.get_debug() is 0", gc.get_debug() == 0)
check("gc.get_objects() raises", raises(gc.get_objects, NotImplementedError, "gc.get_objects isn't implemented"))
check("gc.get_referrers() raises", raises(gc.get_referrers, NotImplementedError, "gc.get_referrers isn't implemented"))
check("gc.get_referents() raises", raises(gc.get_referents, NotImplementedError, "gc.get_referents isn't implemented"))
gc.set_threshold(1, 2, 3)
check("gc.set_threshold() is stored, and changes nothing", gc.get_threshold() == (1, 2, 3))
check("there is no gc.get_count", not hasattr(gc, "get_count"))
check("there is no gc.get_stats", not hasattr(gc, "get_stats"))

with open("/tmp/refscope-model-rules.txt", "w") as f:
    f.write("x")
check("with closes the file at once", f.closed)
done()
