class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)
with Suppress(KeyError):
    {}["missing"]
print("suppressed KeyError")
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError passed through")
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self.name
    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else "ok")
def use():
    with Resource("r1") as a, Resource("r2") as b:
        print("using", a, b)
        raise RuntimeError("fail inside")
try:
    use()
except RuntimeError as e:
    print("caught", e)
class BadEnter:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        print("never")
except ValueError as e:
    print(e)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
