def bad(x):
    if x == 2:
        raise ValueError(f"bad {x}")
    return x
try:
    print(list(bad(i) for i in range(4)))
except ValueError as e:
    print("caught", e)
try:
    print([bad(i) for i in range(4)])
except ValueError as e:
    print("caught again", e)
print(sum(bad(i) for i in range(2)))
