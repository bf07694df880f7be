# A raise sharing its line with other code is marked in the traceback, as in CPython
def check(value): raise ValueError("bad value %r" % value)
def run():
    total = 0; check(total)
run()
