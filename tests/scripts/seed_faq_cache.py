# A cache of objects keeps them alive: what references and when they go.
class Item:
    def __init__(self, key):
        self.key = key
    def __del__(self):
        print("evicted", self.key)
cache = {}
def get(key):
    if key not in cache:
        cache[key] = Item(key)
    return cache[key]
a = get("a")
get("b")
print("cached:", sorted(cache))
del cache["b"]
print("b removed from the cache")
del a
print("a still cached")
cache.clear()
print("end")
