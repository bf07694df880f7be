# The seed FAQ's example: a loop that leans on reference counting to give
# resources back. Each Resource takes a handle from a small pool and returns
# it in __del__. Under CPython, rebinding `x` frees the previous Resource at
# once, so the pool never runs dry; under a tracing GC (the JVM's, the CLR's)
# the old objects linger until a collection, and the pool empties.

POOL_SIZE = 16
free_handles = list(range(POOL_SIZE))
in_use = 0
peak_in_use = 0
times_dry = 0
finalized = 0


def allocate_resource(name):
    global in_use, peak_in_use, times_dry
    if not free_handles:
        times_dry += 1
        return None
    in_use += 1
    peak_in_use = max(peak_in_use, in_use)
    return free_handles.pop()


class Resource:
    def __init__(self, name):
        self.handle = allocate_resource(name)

    def __del__(self):
        global in_use, finalized
        finalized += 1
        if self.handle is not None:
            free_handles.append(self.handle)
            in_use -= 1
            self.handle = None

    def close(self):
        if self.handle is not None:
            free_handles.append(self.handle)
            self.handle = None


big_list = ["item%d" % i for i in range(20000)]
for name in big_list:
    x = Resource(name)

print("pool size:", POOL_SIZE)
print("peak handles in use:", peak_in_use)
print("times the pool was empty:", times_dry)
print("finalizers run by the end of the loop:", finalized)
del x
print("after del x: finalized", finalized, "/ still in use", in_use)
