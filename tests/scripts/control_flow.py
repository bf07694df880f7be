# if/elif/else, while/else, for/else, break, continue, pass, ternary.
for i in range(10):
    if i % 2 == 0:
        continue
    elif i == 7:
        break
    else:
        print("odd", i)
else:
    print("never")
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
for x in []:
    pass
else:
    print("empty for else")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
print("yes" if n == 3 else "no", 1 if 0 else 2)
x = 5
if 0 < x < 10 and x != 7 or False:
    print("chained")
if not []:
    print("empty is false")
print(0 or "default", 5 and 6, None or 0 or "", [] and 1)
while True:
    x -= 1
    if x < 2:
        break
print(x)
