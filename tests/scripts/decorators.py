def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    return wrapper
@trace
def add(a, b=0):
    return a + b
print(add(1, b=2), add.__name__)
def repeat(n):
    def deco(fn):
        def inner():
            return [fn() for _ in range(n)]
        return inner
    return deco
@repeat(3)
def one():
    return 1
print(one())
def register(registry):
    def deco(cls):
        registry.append(cls.__name__)
        return cls
    return deco
names = []
@register(names)
class A: pass
@register(names)
class B: pass
print(names)
class Cached:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Cached
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
