class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Err(Exception):
    def __init__(self, payload):
        super().__init__("err")
        self.payload = payload
try:
    raise Err(D("payload"))
except Err as e:
    print("handling", e.payload.n)
print("after except")
errors = []
try:
    raise Err(D("kept"))
except Err as e:
    errors.append(e)
print("stored")
errors.clear()
print("cleared list")
