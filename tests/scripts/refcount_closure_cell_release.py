class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def make():
    obj = D("cell")
    def get():
        return obj
    def drop():
        nonlocal obj
        obj = None
    return get, drop
get, drop = make()
print("cell holds", get().n)
drop()
print("after drop", get())
