# WeakMethod: a weak reference to a bound method, dead when its object is
import weakref

class Button:
    def __init__(self, label):
        self.label = label
    def click(self):
        return "clicked " + self.label

b = Button("ok")
wm = weakref.WeakMethod(b.click, lambda r: print("method callback, dead:", r() is None))
print(wm()(), wm() == b.click, wm == weakref.WeakMethod(b.click))
print("a plain ref to a bound method dies at once:", weakref.ref(b.click)())
del b
print("after del:", wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
