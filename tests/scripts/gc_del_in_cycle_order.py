import gc
gc.disable()
log = []
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)
ring = [N(str(i)) for i in range(5)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % len(ring)]
del ring, n
print(gc.collect())
print(sorted(log), len(log))
