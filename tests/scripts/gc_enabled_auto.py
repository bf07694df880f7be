# gc-stress: skip (observes automatic collections)
import gc
class Node:
    pass
gc.enable()
gc.collect()
start = gc.get_stats()[0]["collections"]
for i in range(3000):
    n = Node()
    n.me = n
print(gc.get_stats()[0]["collections"] > start)
print(gc.collect() < 1000)
