# A weakref is cleared after __del__ has run: during __del__ it still answers
import weakref

class Tracked:
    registry = []
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name, "weakref alive during __del__:", self.wr() is self)

t = Tracked("t")
t.wr = weakref.ref(t, lambda r: print("callback after __del__, dead:", r() is None))
del t
print("---")

# resurrection in __del__: the weakref stays alive, no callback
saved = []
class Lazarus:
    def __del__(self):
        print("resurrecting")
        saved.append(self)
l = Lazarus()
wl = weakref.ref(l, lambda r: print("callback on the second death"))
del l
print("alive again:", wl() is saved[0])
saved.clear()
print("end")
