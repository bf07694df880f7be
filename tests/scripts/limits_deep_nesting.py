# Source nested deeper than the parser or the compiler takes ends in MemoryError or RecursionError, as in CPython,
# never in a crash; moderate nesting still compiles, and the runtime carries on.
cases = [
    ("a long sum", "x = 1" + " + 1" * 200000),
    ("nested nots", "x = " + "not " * 100000 + "1"),
    ("nested minus signs", "x = " + "- " * 100000 + "1"),
    ("nested conditionals", "x = 1" + " if 1 else 1" * 100000),
    ("nested lambdas", "x = " + "lambda: " * 100000 + "1"),
    ("a power tower", "x = " + "1 ** " * 100000 + "1"),
    ("nested brackets", "x = " + "[" * 100000 + "]" * 100000),
    ("a moderate sum", "x = 1" + " + 1" * 1000),
    ("moderate nots", "x = " + "not " * 500 + "1"),
]
for name, source in cases:
    try:
        exec(source)
        print(name, "compiled:", x)
    except (MemoryError, RecursionError, SyntaxError) as e:
        print(name, "->", type(e).__name__, e.msg if isinstance(e, SyntaxError) else str(e)[:60])
print("still running")
