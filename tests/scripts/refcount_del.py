# Reference counting: __del__ runs the moment the last reference goes.
class R:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("delete", self.name)
a = R("a")
print("rebinding a")
a = R("a2")
print("deleting a2")
del a
print("list of two")
lst = [R("x"), R("y")]
print("clearing list")
lst = None
print("dict of two")
d = {"k1": R("d1"), "k2": R("d2")}
d = None
print("tuple")
t = (R("t1"), R("t2"))
del t
print("function locals")
def f():
    local1 = R("local1")
    local2 = R("local2")
    print("returning")
f()
print("temporaries")
R("temp").name
print("end of expression")
print("reassign in loop")
for i in range(3):
    x = R(f"loop{i}")
print("after loop")
del x
print("done")
