def todo():
    ...
class Empty:
    pass
print(todo(), Empty.__name__, ..., Ellipsis is ..., repr(...), type(...).__name__)
if True:
    pass
for _ in range(2):
    pass
print("done")
