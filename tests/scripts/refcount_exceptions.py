# An exception and its traceback keep frames (and their locals) alive.
import sys
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def fail():
    local = D("in failing frame")
    raise ValueError("boom")
try:
    fail()
except ValueError as e:
    print("handling", e)
print("after except: the name e is gone, so is the traceback")
saved = None
try:
    fail()
except ValueError as e:
    saved = e
print("saved exception keeps the frame alive")
saved = None
print("cleared")
def keep_info():
    try:
        fail()
    except ValueError:
        return sys.exc_info()
info = keep_info()
print("exc_info tuple holds the traceback")
info = None
print("released")
def handled_inside():
    h = D("local of handler frame")
    try:
        raise KeyError("k")
    except KeyError:
        pass
    print("leaving handled_inside")
handled_inside()
print("end")
