def f(a, b=1):
    pass
tests = [
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: len(5),
    lambda: 1 + "a",
    lambda: [] < 3,
    lambda: (lambda: None)()(),
    lambda: int("x"),
    lambda: [1][len('ab') / 2],
    lambda: {}[[]],
    lambda: hash([]),
    lambda: iter(5),
    lambda: (lambda *, k: k)(),
    lambda: object().nope,
    lambda: "abc".nope,
    lambda: float("abc"),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: (1, 2).index(3),
    lambda: "x" * "y",
    lambda: -"s",
    lambda: abs("s"),
    lambda: max([]),
    lambda: next(iter([])),
    lambda: int(None),
    lambda: divmod(1, 0),
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 2 ** -1 // 0,
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
