def t(tag, v=None):
    print("eval", tag)
    return v if v is not None else tag
d = {}
d[t("key")] = t("value")
print(d)
r = t("left", 1) + t("right", 2)
print(r)
f = lambda *a, **k: (a, k)
print(f(t("p1"), t("p2"), k=t("kw")))
l = [t("a"), t("b")]
x = t("cond", True) and t("then") or t("else")
print(x, {t("k1"): t("v1"), t("k2"): t("v2")})
