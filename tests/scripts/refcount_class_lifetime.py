class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Registry:
    items = [D("class attribute")]
r = Registry()
del r
print("instance gone, class attribute stays")
Registry.items = None
print("class attribute released")
def factory():
    class Local:
        marker = D("local class attribute")
    return Local
L = factory()
print("class returned")
L.marker = None
print("end")
