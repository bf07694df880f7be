import gc
class C: pass
gc.collect()
gc.disable()
before = gc.get_count()[0]
junk = [C() for _ in range(50)]
print(gc.get_count()[0] - before >= 50)
del junk
print(gc.get_count()[0] - before < 5)
gc.collect(0)
c = gc.get_count()
print(c[0], c[1] >= 1)
gc.collect()
print(gc.get_count())
gc.enable()
