# Parallel assignment (a, b = x, y) builds no tuple, as in CPython 3.11: gc.get_count() shows it.
# gc-stress: skip (stress collections reset the counts)
a, b = 1, 2
x = 5
a, b = b, a + x
print(a, b)
p, q, r = x, x + 1, x + 2
print(p, q, r)
[m, n] = q, p
print(m, n)
l = [0, 0, 0]
l[0], l[1], l[2] = "a", "b", "c"
print(l)
import gc
gc.collect()
c0 = gc.get_count()[0]
for i in range(100):
    a, b = b, a
print(gc.get_count()[0] - c0)
