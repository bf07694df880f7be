data = {"users": [{"name": "ann", "tags": {"a", "b"} and ["x"]}, {"name": "bob", "tags": []}], "count": 2}
print(data)
print(data["users"][0]["name"], len(data["users"]), [u["name"] for u in data["users"]])
matrix = [[i * j for j in range(4)] for i in range(4)]
print(matrix, [row[2] for row in matrix], list(zip(*matrix))[1])
rec = [1]
rec.append(rec)
print(rec)
d = {}
d["self"] = d
print(d)
print([[]] * 2, [(1,), (2, 3)], {(1, 2): [3]}, {1: {2: {3: 4}}}, [None, True, 1.5, "s"])
flat = [x for sub in matrix for x in sub if x % 2 == 0]
print(flat, sum(flat), sorted(set(flat)))
