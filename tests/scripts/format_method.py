print("{0} {1} {0}".format("a", "b"), "{name} is {age}".format(name="X", age=3), "{:>{}}".format("r", 4))
print("{0[0]} {0[1]}".format(["p", "q"]), "{d[k]}".format(d={"k": "v"}), "{.real}".format(3))
print("{:*^11}".format("mid"), "{:=+6}".format(42), "{!r}".format("s"), "{:,}".format(10 ** 9))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
