# Arithmetic and comparisons mixing float and int, and their errors.
for a, b in [(1.5, 2), (2, 1.5), (1.5, 2.5), (3, 0.0), (0.0, 3), (2.0, -1), (0, -1.0), (7, 2.0), (-7.5, 2), (1 << 60, 0.5), (0.5, 1 << 70)]:
    for name, f in [("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y), ("/", lambda x, y: x / y),
                    ("//", lambda x, y: x // y), ("%", lambda x, y: x % y), ("**", lambda x, y: x ** y),
                    ("<<", lambda x, y: x << y), ("&", lambda x, y: x & y), ("<", lambda x, y: x < y), ("==", lambda x, y: x == y)]:
        try:
            print(a, name, b, "=", f(a, b))
        except Exception as e:
            print(a, name, b, type(e).__name__, e)
x = 1.0
x += 2
x *= 3
x -= 1
print(x, float("nan") < 1.0, float("nan") != float("nan"), float("nan") == float("nan"))
