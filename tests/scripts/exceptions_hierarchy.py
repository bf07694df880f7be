for exc in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, RecursionError, UnboundLocalError, StopIteration]:
    print(exc.__name__, [b.__name__ for b in exc.__mro__[1:]])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), isinstance(ValueError(), Exception))
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), repr(ValueError("a", 1)), str(KeyError("k")), str(Exception()))
