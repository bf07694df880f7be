import gc
print(gc.isenabled(), gc.get_threshold(), len(gc.get_count()), gc.get_debug(), gc.garbage, gc.callbacks)
gc.disable()
print(gc.isenabled())
gc.enable()
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked(object()), gc.is_tracked(gc))
class C: pass
c = C()
print(gc.is_tracked(c), gc.is_finalized(c))
x = [1]
y = {"k": x}
print(x in gc.get_referents(y), y in gc.get_referrers(x), gc.get_referents(1, "a"))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
try:
    gc.collect(3)
except ValueError as e:
    print(e)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
print(gc.get_freeze_count())
