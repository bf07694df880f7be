d = dict.fromkeys(["a", "b"], [])
d["a"].append(1)
print(d)
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv, sorted(d), list(reversed(list(d))), len(d.keys()), list(d.values())[0] is d["b"])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
print({k: v for k, v in sorted(counts.items(), key=lambda kv: kv[1])})
e = {}
e.setdefault("list", []).append("x")
print(e, {} == dict(), {1: 2}.items() == {1: 2}.items() if False else "")
