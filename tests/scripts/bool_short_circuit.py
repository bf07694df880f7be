def t(v):
    print("called", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(not t(""))
x = t(None) or t([]) or t("fallback")
print(x)
