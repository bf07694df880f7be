# Closures, nonlocal, global, cells.
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
total = 0
def add(n):
    global total
    total += n
add(5); add(6)
print(total)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make_adders():
    return [lambda x, k=k: x + k for k in range(3)]
print([a(10) for a in make_adders()])
def shadow():
    y = 1
    def inner():
        y = 2
        return y
    return inner(), y
print(shadow())
def late():
    def get():
        return v
    v = "bound later"
    return get()
print(late())
print(counter().__closure__ is not None, add.__closure__)
