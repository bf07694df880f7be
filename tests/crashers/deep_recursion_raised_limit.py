# With the recursion limit raised as far as sys.setrecursionlimit allows, Python recursion overflowed the C stack
# (as in CPython): now a RecursionError when the run's C-stack budget is spent.
import sys
sys.setrecursionlimit(1000000)
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
class Eq:
    def __eq__(self, other):
        return self.peer == other
e = Eq()
e.peer = e
try:
    e == 1
except RecursionError as err:
    print("RecursionError:", err)
nested = []
for i in range(100000):
    nested = [nested]
try:
    print(nested == [nested])
except RecursionError as err:
    print("RecursionError:", err)
