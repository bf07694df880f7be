# open(): reading and writing text and binary files, the errors CPython raises, and files closed by with,
# by close() or when their last reference goes
path = "/tmp/refscope-golden-files.txt"
with open(path, "w") as f:
    print(f.write("hello\nworld\n"), f.closed, f.name, f.mode)
    f.writelines(["a\n", "b"])
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
f = open(path)
print(repr(f.readline()), repr(f.readline(3)), f.readlines())
f.seek(0)
print([line for line in f])
print(f.tell() > 0, f.readable(), f.writable())
f.close()
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("/no/such/dir/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
try:
    open(path, "rw")
except ValueError as e:
    print("ValueError:", e)
try:
    open(path, "z")
except ValueError as e:
    print("ValueError:", e)
with open(path, "wb") as b:
    print(b.write(b"\x00\x01abc"), repr(b).split(" name=")[0])
with open(path, "rb") as b:
    print(b.read(), repr(b).split(" name=")[0])
try:
    with open(path, "w") as f:
        f.write(b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError:", e)
try:
    open("/tmp")
except IsADirectoryError as e:
    print("IsADirectoryError:", e)
# closed when reclaimed
class Log:
    def __init__(self):
        self.f = open(path, "w")
log = Log()
handle = log.f
del log
print("still open while referenced:", handle.closed)
del handle
g = open(path)
print(repr(g).startswith("<_io.TextIOWrapper name='/tmp/refscope-golden-files.txt' mode='r' encoding="))
