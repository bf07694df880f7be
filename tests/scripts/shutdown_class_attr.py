# Objects still alive at exit are finalized in CPython 3.11's order
# gc-stress: skip (the order comes from where earlier collections left the objects in the generation lists)
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
_private = A("_private")
public = A("public")
z_last = A("z_last")
A.instance = A("class attr")
print("end")
