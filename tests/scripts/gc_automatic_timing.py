# Cyclic garbage made in a loop is found by automatic collections at the same iterations as in CPython
# gc-stress: skip (observes automatic collections)
import gc

class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        if self.i % 100 == 0:
            print("node", self.i, "finalized while making node", current)

gc.collect()
current = 0
for i in range(2500):
    current = i
    n = Node(i)
    scratch = [i, (i, str(i))]
    table = {"k": i}
print("counts", gc.get_count(), "collections", [s["collections"] for s in gc.get_stats()])
