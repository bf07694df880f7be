print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.5 % 2, 2.0 ** -2, (-8.0) ** (1 / 3) if False else "", 1e308 * 10, -1e308 * 10)
print(0.1 + 0.7, 1.1 * 3, 3.3 / 1.1, 1 / 3 * 3, round(2.675, 2), round(0.125, 2), round(-0.5), abs(-0.0))
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
