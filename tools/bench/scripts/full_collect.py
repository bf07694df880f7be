# Full collections over a large live heap: a million tracked objects stay
# reachable while gc.collect() traverses all of them, a few times over.
import gc
import weakref

class Item:
    def __init__(self, n):
        self.n = n
        self.tags = [n]

live = [Item(i) for i in range(200000)]
rows = [[i, i + 1] for i in range(300000)]
maps = [{"k": i} for i in range(100000)]
found = 0
for round in range(6):
    junk = [Item(-1) for i in range(1000)]
    for j in junk:
        j.tags.append(j)
    probe = weakref.ref(junk[-1])
    del junk, j
    gc.collect()
    found += probe() is None
print(found, len(live) + len(rows) + len(maps))
