# Objects still alive at exit are finalized in CPython 3.11's order
import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n, "globals alive:", A is not None)
keep = A("keep")
gc.disable()
print("end")
