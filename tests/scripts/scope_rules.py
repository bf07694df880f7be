x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def unbound():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        return str(e)
print(read(), shadow(), unbound())
class K:
    x = "class"
    def method(self):
        return x
    y = [x for _ in range(1)]
    z = (lambda: x)()
print(K().method(), K.y, K.z, K.x)
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 1
            return v
        return inner()
    mid()
    return v
print(outer())
def gen_scope():
    y = 10
    return list(y + i for i in range(3))
print(gen_scope())
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def params_are_local(x):
    x = x * 2
    return x
print(params_are_local(4), x)
