# A heap that keeps growing, for the collection triggers (test_models.py reads --stats=json).
kept = []
for i in range(200000):
    kept.append([i])
    tmp = [i, i]
print(len(kept))
