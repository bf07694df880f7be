global_var = "module"
def read_global():
    return global_var
def write_global():
    global global_var, new_global
    global_var = "changed"
    new_global = "created"
print(read_global())
write_global()
print(global_var, new_global)
print("new_global" in globals(), globals()["global_var"])
def uses_builtin():
    return len("abc")
len = lambda x: -1
print(uses_builtin())
del len
print(uses_builtin())
