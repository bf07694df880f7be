# The FAQ's portable fix: close explicitly (or use with), do not rely on __del__.
class Resource:
    open_count = 0
    def __init__(self, name):
        self.name = name
        Resource.open_count += 1
        self.closed = False
    def close(self):
        if not self.closed:
            self.closed = True
            Resource.open_count -= 1
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.close()
    def __del__(self):
        self.close()
peak = 0
for name in ["item%d" % i for i in range(1000)]:
    x = Resource(name)
    peak = max(peak, Resource.open_count)
    x.close()
print("explicit close, peak open:", peak)
peak = 0
for name in ["item%d" % i for i in range(1000)]:
    with Resource(name) as x:
        peak = max(peak, Resource.open_count)
print("with statement, peak open:", peak)
