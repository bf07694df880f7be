x = None
print(x is None, x == None, x is not None, repr(x), str(x), bool(x), type(x).__name__, [None] * 2)
def f(): pass
print(f(), f() is None, {None: 1}[None], None in [1, None])
try:
    None + 1
except TypeError as e:
    print(e)
