# try/except/else/finally, raise, custom exceptions, chaining.
class MyError(Exception):
    pass
def risky(n):
    if n == 0:
        raise MyError("zero!")
    if n == 1:
        raise ValueError("one")
    return n
for n in range(3):
    try:
        r = risky(n)
    except MyError as e:
        print("MyError", e, e.args)
    except (ValueError, TypeError) as e:
        print("ValueError", e)
    else:
        print("ok", r)
    finally:
        print("finally", n)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    print(e, repr(e.__context__), e.__cause__)
def f():
    try:
        return "try"
    finally:
        print("cleanup in f")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return "done"
print(g())
try:
    raise KeyError("k")
except LookupError as e:
    print("caught by base", repr(e))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
e = None
try:
    raise TypeError("x")
except TypeError as e:
    pass
try:
    e
except NameError as ne:
    print("NameError:", ne)
print(issubclass(MyError, Exception), MyError.__mro__[-2:])
try:
    raise
except RuntimeError as err:
    print(err)
