import sys, gc
class Big:
    def __init__(self, n): self.n = n
    def __del__(self): print("Big freed", self.n)
def inner():
    local = Big(1)
    raise ValueError("boom")
def outer():
    x = Big(2)
    inner()
try:
    outer()
except ValueError as e:
    err = e
tb = err.__traceback__
while tb:
    f = tb.tb_frame
    print(f.f_code.co_name, tb.tb_lineno, f.f_lineno, sorted(f.f_locals), f.f_back.f_code.co_name if f.f_back else None)
    tb = tb.tb_next
print(type(err.__traceback__).__name__, err.__traceback__.tb_lasti >= 0)
f = err.__traceback__.tb_next.tb_frame
print(f.f_code.co_filename.endswith("fr.py"), f.f_code.co_firstlineno, f.f_globals is globals(), f.f_builtins is not None)
f.clear()
print("after clear", f.f_locals)
del f, tb
print("dropping err")
del err
print("---")
def gen():
    yield sys._getframe()
g = gen()
fr = next(g)
try:
    fr.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
def running():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
running()
try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_frame.f_code.co_name)
    print(sys.exception() is v)
print(sys.exc_info())
print(err if 'err' in dir() else 'gone')
