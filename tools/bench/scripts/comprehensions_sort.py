# List comprehensions and sorting: build, filter, map and sort lists.
total = 0
for rep in range(120):
    data = [(i * 7919) % 10007 for i in range(20000)]
    odd = [x for x in data if x & 1]
    pairs = [(x % 100, x) for x in odd]
    pairs.sort()
    ranked = sorted(data, reverse=True)
    total += pairs[0][1] + pairs[-1][1] + ranked[0] + ranked[-1] + len(odd)
print(total)
