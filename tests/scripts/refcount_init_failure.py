class D:
    def __init__(self, n, fail=False):
        self.n = n
        if fail:
            raise ValueError("init failed")
    def __del__(self):
        print("del", self.n)
try:
    D(1, fail=True)
except ValueError as e:
    print("caught", e)
print("the half-built object died with the traceback")
x = D(2)
print("end")
