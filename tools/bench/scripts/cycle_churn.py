# Cycle churn: doubly linked rings that only the cycle collector can free,
# made and dropped at a steady rate, so the young generation fills and is
# collected again and again.
import gc
import weakref

class Link:
    def __init__(self, value):
        self.value = value
        self.next = self
        self.prev = self

def ring(n):
    head = Link(0)
    for i in range(1, n):
        node = Link(i)
        node.prev = head.prev
        node.next = head
        head.prev.next = node
        head.prev = node
    return head

total = 0
for i in range(400000):
    r = ring(8)
    total += r.prev.value + r.next.value
probe = weakref.ref(r)
del r
gc.collect()
print(total, probe() is None)
