# gc-stress: skip (observes automatic collections)
import gc
gc.set_threshold(0)
print(gc.get_threshold())
class C: pass
for _ in range(2000):
    c = C(); c.c = c
print(gc.get_stats()[0]["collections"] >= 0)
gc.set_threshold(700, 10, 10)
print(gc.collect() > 0)
