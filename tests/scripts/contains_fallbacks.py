class ItOnly:
    def __iter__(self):
        return iter([1, 2, 3])
class GetItemOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 2
print(2 in ItOnly(), 5 in ItOnly(), 4 in GetItemOnly(), 3 in GetItemOnly())
class Neither: pass
try:
    1 in Neither()
except TypeError as e:
    print(e)
print("b" in {"a": 1, "b": 2}, 1 in {1: "x"}.values() if False else "", (1, 2) in [(1, 2)], "" in "abc")
