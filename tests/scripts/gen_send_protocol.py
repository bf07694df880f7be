def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))
try:
    averager().send(5)
except TypeError as e:
    print(e)
def g():
    yield 1
it = g()
print(list(it), list(it))
