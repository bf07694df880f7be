print(True and 3, False or [], not None, bool("0"), bool(0.0), bool(-1), True == 1, False == 0, True is True)
print(sum([True, True, False]), True + 0.5, [1, 2][True], isinstance(False, int), str(True), repr(False))
print(all([]), any([]), all([1, "x", [0]]), any([0, "", None, ()]))
