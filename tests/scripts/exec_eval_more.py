code = """
def square(n):
    return n * n
result = [square(i) for i in range(4)]
"""
ns = {}
exec(code, ns)
print(ns["result"], "square" in ns)
g = {"x": 5}
print(eval("x + 1", g), eval("[i * x for i in range(3)]", g))
x = 100
def f():
    y = 7
    return eval("x + y")
print(f())
exec("z = 42")
print(z)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg if hasattr(e, "msg") else e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print(e)
