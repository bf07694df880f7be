class CM:
    def __init__(self, name): self.name = name
    def __enter__(self): return self
    def __exit__(self, *a): print("exit", self.name)
    def __del__(self): print("del", self.name)
with CM("anon"):
    print("inside anon")
print("after anon")
with CM("named") as c:
    print("inside named")
print("after named (c still bound)")
del c
print("end")
