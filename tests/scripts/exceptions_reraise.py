def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    f()
except ValueError as e:
    print("outer got", e)
def g():
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("raised outside handler", e)
try:
    try:
        raise TypeError("first")
    finally:
        print("finally runs")
except TypeError as e:
    print("then caught", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
