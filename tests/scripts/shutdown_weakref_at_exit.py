# nothing else defined: the globals go with the module, in order
# gc-stress: skip (the order comes from where earlier collections left the objects in the generation lists)
import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n, "gc enabled:", gc.isenabled())
items = [A(i) for i in range(3)]
mapping = {A("k"): A("v")}
single = A("single")
import weakref
w = weakref.ref(single, lambda r: print("weakref callback at exit"))
print("end")
