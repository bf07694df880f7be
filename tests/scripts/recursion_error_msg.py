def forever():
    return forever()
try:
    forever()
except RecursionError as e:
    print(type(e).__name__, e)
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr recursion caught")
print("still running")
