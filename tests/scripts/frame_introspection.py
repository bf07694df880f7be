import sys
def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno
def caller():
    return who()
print(caller())
def locals_view(a, b=2):
    c = a + b
    return sorted(sys._getframe().f_locals.items())
print(locals_view(1))
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
