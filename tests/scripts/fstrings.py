# f-strings: conversions, format specs, nesting, self-documenting.
name, n, pi = "world", 42, 3.14159
print(f"hello {name}!", f"{n:5d}|{n:<5}|{n:x}", f"{pi:.2f}", f"{name!r}", f"{name!s}")
print(f"{n * 2} {n // 5} {[1, 2][1]} {'nested'} {{braces}}")
width = 8
print(f"{name:>{width}}|", f"{pi:{width}.{3}f}|")
print(f"{n=}", f"{name = }", f"{pi=:.1f}")
d = {"k": "v"}
print(f"{d['k']}", f"{len(d)}", f"{'a' if n else 'b'}")
print(f"{3.0}", f"{1e20}", f"{True}", f"{None}", f"{-0.0}")
