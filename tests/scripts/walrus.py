data = [1, 5, 12, 7, 20]
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
if (n := len(data)) > 3:
    print("long list", n)
print([(last := v) for v in "abc"], last)
