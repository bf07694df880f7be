x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 4; x >>= 1; x |= 1; x &= 0xF; x ^= 6
print(x)
f = 7.5
f /= 2; f -= 0.75
print(f)
s = "ab"
s += "cd"; s *= 2
print(s)
l = [1]
alias = l
l += [2]
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc()
b = a
a += 5
print(a.v, a is b)
d = {"k": 1}
d["k"] += 1
o = Acc(); o.v += 3
print(d, o.v)
