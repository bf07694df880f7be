def f():
print("no indent")
