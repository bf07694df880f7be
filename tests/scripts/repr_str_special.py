class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
b, o = Both(), OnlyRepr()
print(b, o, [b, o], str(b), repr(b), f"{b} {b!r} {o}", "%s %r" % (b, b), format(b), str([b]))
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print(e)
print(repr(1.0), repr("a'b"), repr([1, "x", None]), repr((1,)), repr({"k": [1]}), repr(set()), repr(frozenset({1})))
