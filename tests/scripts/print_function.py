import sys
print()
print("a", 1, None, [1], (2,), sep="")
print("x", end="")
print("y")
print(*range(5))
print(*"abc", sep="-", end=".\n")
print("err", file=sys.stderr)
print("out", file=sys.stdout)
print("flush", flush=True)
try:
    print("bad", sep=5)
except TypeError as e:
    print(e)
try:
    print(end=[], sep=None)
except TypeError as e:
    print(e)
