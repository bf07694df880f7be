def level(n):
    try:
        if n == 0:
            raise KeyError("deep")
        level(n - 1)
    except KeyError as e:
        if n < 2:
            raise
        print("handled at level", n, e)
level(3)
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as inner:
            print("inner", inner, "context", inner.__context__)
        raise
except ValueError as outer:
    print("outer", outer)
