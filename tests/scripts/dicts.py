# dict: insertion order, methods, views.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d["b"] = 20
print(d)
del d["b"]
print(d, d.pop("a"), d, d.pop("q", "default"))
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d.setdefault("x", 99), d.setdefault("w", 7), d)
print(d.popitem(), d)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict(zip("ab", [1, 2])), {**d, "new": 0})
print(dict.fromkeys("abc", 0), {k: k * 2 for k in range(3)})
e = {1: "one", 1.0: "float one", True: "true"}
print(e)
keys = d.keys()
d["late"] = 1
print(keys, len(keys), "late" in keys)
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, d.copy() == d)
for k, v in {"p": 1, "q": 2}.items():
    print(k, v)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
print({"a": 1} | {"b": 2})
