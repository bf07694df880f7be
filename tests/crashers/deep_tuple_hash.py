# Hashing a tuple nested 300,000 deep recursed in C until the stack overflowed (CPython 3.11 crashes too): now a
# RecursionError at the run's C-stack budget.
t = ()
for i in range(300000):
    t = (t,)
try:
    hash(t)
except RecursionError as e:
    print("RecursionError:", e)
d = {}
try:
    d[t] = 1
except RecursionError as e:
    print("RecursionError:", e)
