try:
    int("xyz")
except ValueError as e:
    print(type(e).__name__, e.args, str(e))
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    {}.pop("k")
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    import nonexistent_mod
except ModuleNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, ImportError))
try:
    "abc".nosuch()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    undefined_function()
except NameError as e:
    print(type(e).__name__, e)
