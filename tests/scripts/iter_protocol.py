# User-defined iterables and iterators.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), max(Countdown(5)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
class Iterable:
    def __iter__(self):
        yield from ("a", "b")
print(list(Iterable()), "".join(Iterable()), dict(zip(Iterable(), Countdown(2))))
it = iter([1, 2, 3])
print(list(zip(it, it)))
a, b, c = Countdown(3)
print(a, b, c)
print(list(enumerate(Countdown(2))), sorted(Countdown(3)), tuple(Countdown(2)), set(Countdown(2)))
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)
print(next(iter(Countdown(1))), list(map(lambda p: p * 2, Countdown(2))))
