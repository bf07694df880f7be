print(type(1), type("a"), type([]), type(type), type(None), type(print), type(lambda: 0))
print(int(), float(), str(), list(), tuple(), dict(), set(), bool(), frozenset())
print(type(1)(5), type("")(3.5), type([])("ab"), type({})(a=1))
class C: pass
print(type(C()), type(C), C.__class__, type(C()).__mro__)
