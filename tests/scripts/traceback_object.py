import sys
def inner():
    raise RuntimeError("x")
def outer():
    inner()
try:
    outer()
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    print(e.__traceback__ is sys.exc_info()[2])
