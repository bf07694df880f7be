def val(n):
    print("eval", n)
    return n
print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 1 <= x <= 5 < 6, 0 < x is not None)
print(1 in [1] in [[1]], "a" < "b" < "c", [1] == [1] != [2])
