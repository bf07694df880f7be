def outer(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(outer(10))
def counter_factory():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c1, c2 = counter_factory(), counter_factory()
print(c1(), c1(), c2())
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
