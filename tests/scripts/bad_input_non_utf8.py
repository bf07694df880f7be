# A source file must be UTF-8: CPython rejects it whole, before anything runs, naming the first bad byte.
print("never printed")
text = "café"
