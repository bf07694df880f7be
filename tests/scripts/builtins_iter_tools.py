it = iter(range(5))
print(next(it), list(it), next(it, "done"))
s = iter("ab")
print(list(zip(s, s)))
sentinel_calls = iter([1, 2, 0, 3]).__next__
print(list(iter(sentinel_calls, 0)))
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), list(reversed(range(3))), "".join(reversed("abc")))
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
print(list(reversed(Rev())))
try:
    reversed({1: 2})
except TypeError as e:
    print(e)
