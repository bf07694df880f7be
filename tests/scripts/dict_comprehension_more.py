words = ["apple", "bob", "cat", "apple"]
print({w: len(w) for w in words}, {w: i for i, w in enumerate(words)})
print({k: v for k, v in zip("abc", range(3)) if v != 1}, {(i, j): i * j for i in range(2) for j in range(2)})
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted, dict(sorted({"z": 1, "a": 2}.items())))
