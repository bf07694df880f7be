class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return self.x * self.x + self.y * self.y
s = 0
for i in range(400000):
    p = P(i, i + 1)
    s += p.norm()
print(s)
d = {}
for i in range(200000):
    d[str(i)] = i
print(len(d), sum(d.values()))
words = " ".join(str(i) for i in range(100000)).split()
print(len(words), sorted(words)[:3])
