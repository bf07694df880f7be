s = list(range(10))
print(s[2:7], s[:3], s[7:], s[-3:], s[:-7], s[::3], s[1::2], s[::-2], s[8:2:-2], s[100:], s[-100:2])
t = tuple(s)
print(t[2:4], t[::-1][:3])
st = "abcdefghij"
print(st[2:7], st[::-3], st[-1:-4:-1], st[5:5])
s[2:4] = ["a", "b", "c"]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
s[1:9:3] = "xyz"
print(s)
print(slice(1, 5, 2), slice(3).stop, s[slice(2, 4)])
class Sl:
    def __getitem__(self, k):
        return k
print(Sl()[1:2], Sl()[::], Sl()[1, 2], Sl()[:, 3])
try:
    s[::2] = [1]
except ValueError as e:
    print(e)
