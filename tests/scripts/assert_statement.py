assert True
assert 1 == 1, "never shown"
try:
    assert 1 + 1 == 3, f"math: {1 + 1}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("empty message", repr(e))
def check(x):
    assert isinstance(x, int), "need int"
    return x * 2
print(check(4))
