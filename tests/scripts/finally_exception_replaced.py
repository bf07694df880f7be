def f():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    f()
except KeyError as e:
    print("got", repr(e), "context", repr(e.__context__))
def g():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
    finally:
        print("finally before propagation")
try:
    g()
except ZeroDivisionError as e:
    print("propagated", e)
