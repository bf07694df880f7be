import gc
gc.disable()
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalize", self.name, "partner alive:", self.partner.name)
x, y = F("x"), F("y")
x.partner, y.partner = y, x
del x, y
print("collected", gc.collect())
class Once:
    count = 0
    def __del__(self):
        Once.count += 1
        print("__del__ call", Once.count)
        global keep
        keep = self
o = Once()
o.cycle = o
del o
print("first", gc.collect(), gc.is_finalized(keep))
keep = None
print("second", gc.collect(), Once.count)
