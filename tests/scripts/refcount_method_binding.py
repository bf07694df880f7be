class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def get(self): return self.n
print(D("temp").get())
m = D("bound").get
print("method keeps instance")
print(m())
m = None
print("end")
