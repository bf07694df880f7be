# The same fix written with `with`: __exit__ returns the handle when the block
# ends, under every model.
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

    def close(self):
        if self.handle is not None:
            pool.append(self.handle)
            stats["in_use"] -= 1
            self.handle = None

    def __del__(self):
        stats["finalized"] += 1
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False


big_list = ["item%d" % i for i in range(20000)]
for name in big_list:
    with Resource(name) as x:
        pass
print("peak handles in use: %d" % stats["peak"])
print("times the pool was empty: %d" % stats["dry"])
