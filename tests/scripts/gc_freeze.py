import gc
gc.collect()
class K: pass
keep = [K() for _ in range(10)]
gc.freeze()
print(gc.get_freeze_count() >= 10, gc.get_count())
gc.unfreeze()
print(gc.get_freeze_count())
