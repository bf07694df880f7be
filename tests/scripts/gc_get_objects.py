import gc
class Marker:
    pass
m = Marker()
objs = gc.get_objects()
print(any(o is m for o in objs), m in objs)
gc.collect()
print(any(o is m for o in gc.get_objects(generation=2)), any(o is m for o in gc.get_objects(0)))
try:
    gc.get_objects(5)
except ValueError as e:
    print(e)
