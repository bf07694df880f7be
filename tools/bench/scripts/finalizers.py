# Objects with __del__: each is finalized the moment its last reference goes.
closed = 0

class Handle:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        global closed
        closed += self.n & 1

class Pool:
    def __init__(self):
        self.items = []
    def take(self, n):
        h = Handle(n)
        self.items.append(h)
        if len(self.items) > 32:
            self.items = self.items[16:]
        return h.n

pool = Pool()
total = 0
for i in range(1500000):
    total += pool.take(i)
    Handle(i)
del pool
print(total, closed)
