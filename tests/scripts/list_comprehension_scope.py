x = 10
squares = [x * x for x in range(4)]
print(x, squares)
def f():
    y = 3
    return [y * i for i in range(3)]
print(f())
data = [[1, 2], [3]]
print([len(row) for row in data], [n for row in data for n in row if n > 1])
print([i for i in range(3)] + [j for j in "ab"])
