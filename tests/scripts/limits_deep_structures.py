# Structures 200,000 levels deep: repr() and == stop at the recursion limit with RecursionError, freeing them never
# recurses that deep in C (CPython's trashcan), and the collector walks a 200,000-object cycle without recursing.
# gc-stress: skip (a full collection before each of its 800,000 allocations: hours; the normal runs cover it)
import sys, gc
def nest(n, make):
    x = []
    for i in range(n):
        x = make(x)
    return x
N = 200000
for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {"k": x})]:
    x = nest(N, make)
    try:
        r = repr(x)
        print(name, "repr ok", len(r))
    except RecursionError as e:
        print(name, "repr RecursionError", e)
    y = nest(N, make)
    try:
        print(name, "eq", x == y)
    except RecursionError as e:
        print(name, "eq RecursionError", e)
    gc.collect()
    del x, y
    print(name, "freed")
class Node:
    pass
head = Node()
cur = head
for i in range(N):
    nxt = Node()
    cur.next = nxt
    cur = nxt
cur.next = head   # one long cycle
del cur, nxt
print("collected", gc.collect() >= N)
del head
print("cycle freed", gc.collect())
def chain(n):
    f = None
    for i in range(n):
        f = (lambda g: (lambda: g))(f)
    return f
c = chain(N)
del c
print("closures freed")
