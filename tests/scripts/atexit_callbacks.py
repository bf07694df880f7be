# atexit: callbacks run at exit, last registered first, with their arguments
import atexit

def goodbye(name, punct="!"):
    print("goodbye", name + punct)

def failing():
    raise RuntimeError("in an exit callback")

atexit.register(goodbye, "first")
atexit.register(failing)
atexit.register(goodbye, "second", punct="?")
@atexit.register
def decorated():
    print("decorated runs first")
def removed():
    print("never")
atexit.register(removed)
atexit.unregister(removed)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)

class Noisy:
    def __del__(self):
        print("Noisy __del__ after the exit callbacks")
n = Noisy()
print("end of script")
