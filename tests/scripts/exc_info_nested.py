import sys
def show():
    t, v, tb = sys.exc_info()
    return t.__name__ if t else None
print(show())
try:
    raise KeyError("k")
except KeyError:
    print(show())
    try:
        raise ValueError("v")
    except ValueError:
        print(show())
    print(show())
print(show())
def gen():
    try:
        raise IndexError("i")
    except IndexError:
        yield show()
    yield show()
print(list(gen()))
