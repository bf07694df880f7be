# A cache of weak references: an entry lives while someone else holds its value.
# Under reference counting it goes the moment the last holder lets go; under a
# tracing GC it lingers until a collection runs.
import gc
import weakref


class Image(object):
    def __init__(self, name):
        self.name = name


cache = weakref.WeakValueDictionary()


def load(name):
    image = cache.get(name)
    if image is None:
        image = Image(name)
        cache[name] = image
    return image


img = load("logo")
print("cached while in use: %s" % ("logo" in cache))
img = None
print("cached after the last use: %s" % ("logo" in cache))
gc.collect()
print("cached after gc.collect(): %s" % ("logo" in cache))
