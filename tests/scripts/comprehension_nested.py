grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
print({(r, c): r * c for r in range(3) for c in range(3) if r != c})
print([x for x in [y * 2 for y in range(5)] if x > 2])
transpose = [[row[i] for row in [[1, 2, 3], [4, 5, 6]]] for i in range(3)]
print(transpose, {len(w) for w in "a bb ccc dd".split()})
print([i for i in range(20) if i % 2 if i % 3], [(a, b) for a in "ab" for b in range(2)])
