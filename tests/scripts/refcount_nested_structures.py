class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
tree = {"left": [D("l1"), D("l2")], "right": (D("r1"), {"deep": D("deep")})}
print("built")
tree["left"] = []
print("left replaced")
del tree
print("tree gone")
pair = (D("p1"), [D("p2")])
first, second = pair
del pair
print("unpacked names keep items")
del first
del second
print("end")
