# The FAQ's note: objects get stuck in tracebacks until the traceback is cleared.
import sys
class Resource:
    def __init__(self, name):
        self.name = name
        print("acquire", name)
    def __del__(self):
        print("release", self.name)
def task():
    r = Resource("held by a frame")
    raise RuntimeError("task failed")
try:
    task()
except RuntimeError:
    kept = sys.exc_info()
print("still held while the traceback is kept")
kept = None
print("after clearing the traceback")
