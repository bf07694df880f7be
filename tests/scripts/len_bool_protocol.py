class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
print(len(Box([1, 2])), bool(Box([])), bool(Box([0])), "yes" if Box([1]) else "no")
class Truthy:
    def __bool__(self):
        return False
print(bool(Truthy()), not Truthy(), [x for x in [Truthy(), 1] if x])
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print(e)
