# Generators: pipelines of generator functions and generator expressions.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x

def squares(source):
    for x in source:
        yield x * x

total = 0
for rep in range(32):
    total += sum(squares(evens(numbers(200000))))
    total += sum(x + 1 for x in range(200000) if x % 3)
print(total)
