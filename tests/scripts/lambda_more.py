add = lambda a, b=2, *c, **d: (a + b, c, d)
print(add(1), add(1, 1, 3, x=4), (lambda: (yield 1)) if False else "", sorted([3, 1, 2], key=lambda v: -v))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(inc, inc)(5), (lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
print([(lambda x: x * x)(i) for i in range(4)], list(map(lambda p: p[0], [(1, 2)])))
