parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts), len("".join(parts)))
s = ""
for c in "hello":
    s = c + s
print(s, s.upper(), s == "olleh")
table = "\n".join(f"{i:>2} {i * i:>3}" for i in range(1, 5))
print(table)
print("-" * 20, "=" * 0 + "end")
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(rows, {r[0]: int(r[1]) for r in rows[1:]})
