print(sorted({x % 5 for x in range(20)}), sorted({c.lower() for c in "HeLLo"}), {len(w) for w in []})
evens = {n for n in range(10) if n % 2 == 0}
print(sorted(evens), 4 in evens, sorted(evens - {0, 2}))
