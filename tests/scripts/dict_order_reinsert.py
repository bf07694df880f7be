d = {"a": 1, "b": 2, "c": 3}
v = d.pop("a")
d["a"] = v
print(list(d))
d["b"] = 20
print(list(d.items()))
del d["c"]
d["c"] = 3
print(d)
e = dict.fromkeys("zyx")
print(list(e), list(reversed(e)), next(iter(e)))
print({**{"x": 1}, **{"x": 2, "y": 3}})
