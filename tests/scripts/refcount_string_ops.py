import sys
s = list("ab") * 3
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
parts = [s, s, s]
print(sys.getrefcount(s))
del parts, t
print(sys.getrefcount(s))
def count(x):
    return sys.getrefcount(x)
big = [0] * 10
print(count(big), sys.getrefcount(big))
