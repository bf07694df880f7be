import sys
print(sys.argv[0].endswith("sys_module.py"), len(sys.argv), type(sys.path).__name__)
print(sys.maxsize, sys.version_info[0], sys.version_info[:2] >= (3, 0), sys.byteorder)
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(*[1, 2, 3], sep=", ")
def where():
    return sys._getframe().f_code.co_name
print(where())
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print("sys" in sys.modules, sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno)
