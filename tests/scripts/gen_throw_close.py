def worker():
    try:
        while True:
            try:
                x = yield
                print("work", x)
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("worker shut down")
w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
w.close()
w.close()
def obstinate():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = obstinate()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
