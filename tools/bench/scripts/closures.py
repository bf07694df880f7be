# Closures: functions made in functions, reading and rebinding free variables.
def counter(start):
    count = start
    def step(by):
        nonlocal count
        count += by
        return count
    return step

def compose(f, g):
    return lambda x: f(g(x))

inc = lambda x: x + 1
double = lambda x: x * 2
total = 0
for i in range(1400000):
    c = counter(i)
    c(1)
    h = compose(inc, double)
    total += c(2) + h(i)
print(total)
