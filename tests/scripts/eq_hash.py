class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k})"
s = {Key(1), Key(1), Key(2)}
print(len(s), Key(1) in s, Key(3) in s)
d = {Key("a"): 1}
d[Key("a")] = 2
print(d, d[Key("a")])
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print(e)
print(NoHash() == 5, NoHash.__hash__)
class IdentityOnly:
    pass
a, b = IdentityOnly(), IdentityOnly()
print(a == a, a == b, a != b, len({a, b, a}))
print(1 == 1.0, hash(1) == hash(1.0), {1: "int"}.get(1.0), 0.5 == 1/2, "a" == "a"[:], (1, [2]) == (1, [2]))
