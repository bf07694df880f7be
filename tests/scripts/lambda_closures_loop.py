funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    def make(j):
        return lambda: j
    funcs.append(make(i))
print([f() for f in funcs])
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print(adders[2](10))
