# The FAQ's loop: each assignment to x drops the previous Resource. Under reference
# counting its __del__ gives the handle back at once; under a tracing GC the handle
# stays taken until a collection finds the object and a finalizer thread runs it.
# (Written in the subset Python 2.7 and 3 share, so tools/oracle can run it anywhere.)
import gc

POOL_SIZE = 16
pool = list(range(POOL_SIZE))
stats = {"in_use": 0, "peak": 0, "dry": 0, "finalized": 0}


def allocate_resource(name):
    if not pool:
        stats["dry"] += 1
        return None
    stats["in_use"] += 1
    stats["peak"] = max(stats["peak"], stats["in_use"])
    return pool.pop()


class Resource(object):
    def __init__(self, name):
        self.handle = allocate_resource(name)

    def __del__(self):
        stats["finalized"] += 1
        if self.handle is not None:
            pool.append(self.handle)
            stats["in_use"] -= 1
            self.handle = None


big_list = ["item%d" % i for i in range(20000)]
for name in big_list:
    x = Resource(name)
print("peak handles in use: %d" % stats["peak"])
print("times the pool was empty: %d" % stats["dry"])
print("finalized by the end of the loop: %d" % stats["finalized"])
del x
gc.collect()
print("after del x; gc.collect(): finalized %d, handles still in use %d" % (stats["finalized"], stats["in_use"]))
