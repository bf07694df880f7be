# Loops far longer than one turn of the eval loop (65,536 instructions, after which a frame returns to vm_eval and
# is entered again): generators, handlers in progress, finally blocks, class bodies and nested frames carry on.
import sys

def numbers():
    for i in range(100000):
        if i % 40000 == 0:
            yield i

print(list(numbers()))

try:
    raise ValueError("outer")
except ValueError:
    total = 0
    for i in range(100000):
        total += i
    print(total, sys.exc_info()[0].__name__)

def counted():
    try:
        n = 0
        while n < 50000:
            n += 1
        return n
    finally:
        print("finally after", n)

print(counted())

class Accumulated:
    acc = 0
    for k in range(30000):
        acc += k

print(Accumulated.acc)

g = numbers()
next(g)
try:
    raise KeyError("while a generator runs")
except KeyError:
    print(next(g), sys.exc_info()[0].__name__)

def deep(n):
    s = 0
    for i in range(20000):
        s += i
    return s + (deep(n - 1) if n else 0)

print(deep(5))
