def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get())
x = 1
def a():
    global x
    x = 2
    def b():
        return x
    return b()
print(a(), x)
def c():
    y = 1
    def d():
        y = 2
        def e():
            nonlocal y
            y = 3
        e()
        return y
    return d(), y
print(c())
