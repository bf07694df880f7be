errors = (KeyError, IndexError)
for f in [lambda: {}["x"], lambda: [][1], lambda: 1 / 0]:
    try:
        f()
    except errors as e:
        print("lookup error:", type(e).__name__)
    except Exception as e:
        print("other:", type(e).__name__)
try:
    raise ValueError
except (TypeError, ValueError) as e:
    print("tuple matched", type(e).__name__)
def pick():
    return ZeroDivisionError
try:
    1 / 0
except pick():
    print("computed except clause")
