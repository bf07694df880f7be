# Context managers: __enter__/__exit__, exceptions, suppression, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress
with CM("a") as a:
    print("body", a.name)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after suppress")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
with CM("x") as x, CM("y") as y:
    print("both", x.name, y.name)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
print("end")
