# sets, frozensets and tuples.
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s, 5 in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {2} < a, a == {3, 2, 1})
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), a.isdisjoint({7}), a.issubset(range(5)))
f = frozenset([1, 2])
print(f, len(f), hash(f) == hash(frozenset([2, 1])), {f: "ok"}[frozenset({1, 2})])
print(set(), frozenset(), set("aab") == {"a", "b"})
t = (1, "two", 3.0)
print(t, t[1], t[-1], t[:2], len(t), t + (4,), t * 2, (1,), (), tuple([1, 2]))
print(t.index("two"), t.count(1), (1, 2) < (1, 3), (1, 2) == (1, 2), 2 in (1, 2))
x, y, *rest = (1, 2, 3, 4)
print(x, y, rest)
first, *middle, last = "abcde"
print(first, middle, last)
(p, q), r = (1, 2), 3
print(p, q, r)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "t"}[(1, 2)])
e = set()
e |= {1}
e &= {1, 2}
print(e)
