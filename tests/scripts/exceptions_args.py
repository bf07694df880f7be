e = Exception("a", 2, [3])
print(e.args, str(e), repr(e))
e.args = ("changed",)
print(e)
class WithAttrs(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
w = WithAttrs("failed", 500)
print(w, repr(w), w.code, w.args)
try:
    raise w
except Exception as caught:
    print(caught is w, type(caught).__name__)
print(StopIteration(5).value, SystemExit(3).code, KeyError().args)
