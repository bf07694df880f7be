# sys.getrefcount as a user sees it.
import sys
x = object()
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))
del l
print(sys.getrefcount(x))
def f(o):
    return sys.getrefcount(o)
print(f(x))
class C: pass
c = C()
print(sys.getrefcount(c))
d = {"k": c}
print(sys.getrefcount(c))
t = (c,)
print(sys.getrefcount(c))
del d, t
print(sys.getrefcount(c))
def make():
    return [1, 2, 3]
fresh = make()
print(sys.getrefcount(fresh))
