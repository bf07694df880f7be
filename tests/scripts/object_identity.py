a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, id(a) == id(b), id(a) != id(c))
x = 256
y = 256
print(x is y, None is None, True is (1 == 1), "" == "")
def f(l=[]):
    return l
print(f() is f(), f([]) is f())
class O: pass
o1, o2 = O(), O()
print(o1 is not o2, o1 == o1, hash(o1) == hash(o1), type(o1) is type(o2))
