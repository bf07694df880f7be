class O: pass
o = O()
d = {}
l = [0, 0]
o.a = d["k"] = l[1] = x = 7
print(o.a, d, l, x)
a = b = []
a.append(1)
print(b, a is b)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
p = q = r = "same"
print(p is q is r)
