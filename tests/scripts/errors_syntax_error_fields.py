# SyntaxError's fields (msg, filename, lineno, offset, text, end_lineno, end_offset) from its arguments or from the
# compiler, and its str(): the message with the file's base name and the line.
e = SyntaxError("just msg")
print(str(e), e.args, e.msg, e.filename, e.lineno)
e2 = SyntaxError("m", ("f.py", 3, 4, "text", 3, 6))
print(str(e2), e2.args, e2.msg, e2.filename, e2.lineno, e2.offset, e2.text, e2.end_lineno, e2.end_offset)
try:
    exec("x = (1,")
except SyntaxError as e3:
    print(str(e3), repr(e3))
    print(e3.args)
    print(e3.msg, e3.filename, e3.lineno, e3.offset, repr(e3.text), e3.end_lineno, e3.end_offset)
e5 = SyntaxError()
print(repr(str(e5)), e5.msg)
e6 = IndentationError("bad", ("q.py", 1, 2, "t\n"))
print(str(e6))
e7 = SyntaxError("m", ("f.py", None, None, None))
print(str(e7))
e8 = SyntaxError("m", ("f.py", 2, None, None))
print(str(e8))
e9 = SyntaxError("m", (None, 2, None, None))
print(str(e9))
raise SyntaxError("top")
