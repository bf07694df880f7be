s = set(range(5))
print(s.pop() in range(5), len(s))
s.update([10, 11], (12,))
print(sorted(s))
s.difference_update({10})
s.intersection_update(range(12))
print(sorted(s))
s.symmetric_difference_update({0, 1, 99})
print(sorted(s), sorted({1, 2} ^ {2, 3}), {1, 2}.issuperset({1}), set("abc") >= set("a"))
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError", e)
print(frozenset({1, 2}) | {3}, type(frozenset() | set()).__name__, {frozenset([1])})
