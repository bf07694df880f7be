# Function calls: defaults, keywords, *args, **kwargs, keyword-only.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=10))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def g(x, y):
    return x - y
print(g(y=1, x=10), g(*(5, 3)), g(**{"x": 2, "y": 3}))
def h(*, key="k"):
    return key
print(h(), h(key="v"))
def p(a, b, /, c):
    return a + b + c
print(p(1, 2, c=3), p(1, 2, 3))
lam = lambda x, y=1: x * y
print(lam(3), lam(3, 4), (lambda: "no args")(), list(map(lambda v: v + 1, [1, 2])))
def varargs(*a):
    return a
print(varargs(), varargs(1, 2))
def defaults_shared(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_shared(1), defaults_shared(2))
def doc():
    "A docstring."
    return doc.__doc__
print(doc(), doc.__name__, f.__defaults__, h.__kwdefaults__)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(30))
