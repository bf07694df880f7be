# Reference cycles that only the collector frees, with finalizers.
import gc
class Pair:
    def __init__(self, n):
        self.n = n
        self.other = None
freed = 0
class Final:
    def __del__(self):
        global freed
        freed += 1
for i in range(60000):
    a, b = Pair(i), Pair(i + 1)
    a.other, b.other = b, a
    if i % 10 == 0:
        f = Final()
        f.me = f
gc.collect()
print(freed, gc.get_count()[0] < 700)
