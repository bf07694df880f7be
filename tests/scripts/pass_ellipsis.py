def later():
    ...
class Empty:
    pass
print(later(), Empty.__name__, ..., Ellipsis is ..., repr(...), type(...).__name__)
if True:
    pass
for _ in range(2):
    pass
print("done")
