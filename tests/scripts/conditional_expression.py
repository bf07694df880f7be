for n in [-2, 0, 3]:
    print(n, "negative" if n < 0 else "zero" if n == 0 else "positive")
print([x if x % 2 else -x for x in range(5)])
val = None
print(val if val is not None else "default", (lambda v: "yes" if v else "no")([]))
