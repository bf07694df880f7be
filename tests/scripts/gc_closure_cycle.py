import gc
gc.disable()
class D:
    def __del__(self):
        print("del", self.tag)
def build():
    d = D()
    d.tag = "closure cycle"
    def inner():
        return d, inner
    d.fn = inner
build()
print("built")
print(gc.collect() > 0)
print("end")
