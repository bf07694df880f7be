# What the model rule scripts share: check() prints "ok: RULE" or "FAIL: RULE"; done() the count of failures.
import weakref

failures = []


def check(rule, cond):
    print(("ok: " if cond else "FAIL: ") + rule)
    if not cond:
        failures.append(rule)


def done():
    print("%d failed" % len(failures))


log = []


class Tracked(object):
    """Appends its name to log when finalized."""

    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append(self.name)


class Phoenix(object):
    """Stores itself in Phoenix.saved when finalized (a resurrection), counting its finalizations."""
    saved = []
    runs = 0

    def __del__(self):
        Phoenix.runs += 1
        Phoenix.saved.append(self)


def spin(n):
    # loop iterations are safe points: the finalizer thread gets turns
    for i in range(n):
        pass


def raises(f, exc, message):
    try:
        f()
    except exc as e:
        return str(e) == message
    return False
