# Allocation-heavy: build and drop complete binary trees of tuples-in-objects
# (the classic binary-trees shape); reference counting frees each tree as
# soon as check() returns.
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))

def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)

long_lived = make(14)
total = 0
for depth in range(4, 15, 2):
    iterations = 2 ** (18 - depth)
    for i in range(iterations):
        total += check(make(depth))
print(total, check(long_lived))
