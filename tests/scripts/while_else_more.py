def find(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
count = 0
while True:
    count += 1
    if count > 5:
        break
    if count % 2:
        continue
    print("even", count)
