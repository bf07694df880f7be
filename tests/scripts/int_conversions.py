print(int("ff", 16), int("777", 8), int("1010", 2), int("z", 36), int("0o17", 0), int("  -12  "), int(True))
print(int(-0.9), int(7.9), int("١٢" if False else "12"), float(2 ** 60), str(-0), int("+5"))
for bad in ["", "1.5", "0x", "12a", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
