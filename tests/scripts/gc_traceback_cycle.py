import gc
gc.disable()
class Big:
    def __del__(self):
        print("Big freed")
def fails():
    big = Big()
    raise ValueError("x")
def catch_and_keep():
    try:
        fails()
    except ValueError as e:
        err = e
    return "returned"
print(catch_and_keep())
print("the exception, its traceback and the frame form a cycle")
print("collect:", gc.collect() > 0)
print("end")
