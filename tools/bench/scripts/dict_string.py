# Dict and string work: build words, count them, join, split and format.
words = []
for i in range(200000):
    words.append("w" + str(i % 997) + "_" + str(i % 13))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
text = " ".join(words)
parts = text.split(" ")
upper = 0
for p in parts:
    if p.upper().startswith("W1"):
        upper += 1
keys = sorted(counts)
lines = ["%s=%d" % (k, counts[k]) for k in keys]
total = 0
for rep in range(80):
    index = {}
    for k in keys:
        index[k[1:]] = len(k)
    for k in keys:
        total += index[k[1:]]
print(len(counts), len(parts), upper, len("\n".join(lines)), total)
