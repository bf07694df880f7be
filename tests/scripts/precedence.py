print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4)
print(1 + 2 << 1, 1 | 2 ^ 3 & 4, ~1 + 1, not 1 == 2, not (1 and 0), 1 < 2 == 2, 3 > 2 > 1 > 0)
print(True or False and False, (True or False) and False, 1 if 0 else 2 if 0 else 3)
x = [1, 2, 3]
print(x[1] + x[-1] * 2, -x[0], x[1:][0], len(x) * 2 + 1)
print(1 in [1] == True, (1 in [1]) == True, "a" + "b" * 2, [0] * 2 + [1])
a = b = c = 5
a += b * c
print(a, b, c)
i, j = 1, 2
i, j = j, i
print(i, j)
