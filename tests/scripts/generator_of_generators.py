def numbers():
    yield from range(1, 4)
def squares(gen):
    for n in gen:
        yield n * n
def evens(gen):
    return (x for x in gen if x % 2 == 0)
print(list(squares(numbers())), list(evens(squares(numbers()))), sum(squares(range(10))))
def take(n, gen):
    for _ in range(n):
        yield next(gen)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, naturals())), list(zip(naturals(), "abc")))
