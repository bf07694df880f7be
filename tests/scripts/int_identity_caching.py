a = 256
b = 256
print(a is b)
x = [100, 100]
print(x[0] is x[1])
print(int("10") == 10)
print(bool(0) is False, bool(1) is True, (1 > 0) is True)
