class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def fail():
    frame_local = D("frame local")
    raise RuntimeError("oops")
try:
    fail()
except RuntimeError:
    print("in handler: the traceback still holds the frame")
print("after handler")
try:
    fail()
except RuntimeError as err:
    print("named handler")
print("after named handler")
def swallow():
    try:
        fail()
    except RuntimeError as e:
        kept = e
    print("kept in a local")
swallow()
print("end")
