# A tight loop of small-int arithmetic: the interpreter's dispatch.
total = 0
for i in range(11000000):
    total += i * 2 % 7
print(total)
