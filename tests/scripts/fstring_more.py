items = {"apple": 1.5, "kiwi": 0.25}
for name, price in items.items():
    print(f"{name:<8}|{price:>6.2f}|{price * 100:>5.0f}c")
x = 255
print(f"{x:#x} {x:#o} {x:#b} {x:08b} {x:,} {-x:+} {x!r:>5} {'q'!r}")
print(f"{'nested ' + f'{x}'}", f"{3 + 4 = }", f"{[1, 2]!s}", f"{x if x else 0}")
print(f"{{literal}}", f"{'{'}", f"a{''}b", f"{1}{2}{3}")
val = 12.3456
prec = 2
print(f"{val:.{prec}f}", f"{val:{10}.{3}}", f"{'x':{'>'}{5}}")
