# A traceback kept after an exception keeps every frame's locals alive. The FAQ's
# advice: clear the stored traceback. Under reference counting that frees the
# locals at once; under a tracing GC only a collection (and a finalizer thread)
# does.
import gc
import sys
import weakref

log = []


class Big(object):
    def __del__(self):
        log.append("Big freed")


def fail():
    data = Big()
    raise ValueError("oops")


def handle():
    try:
        fail()
    except ValueError:
        # kept for a report later, as a debugger or an error log would
        return sys.exc_info()[2]


saved = {"traceback": handle()}
print("traceback stored; Big alive: %s" % (log == []))
saved["traceback"] = None
print("after clearing the stored traceback: %s" % (log or ["Big still alive"])[0])
gc.collect()
print("after gc.collect(): %s" % (log or ["Big still alive"])[0])
