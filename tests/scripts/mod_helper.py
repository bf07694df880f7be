# A sibling module imported by import_sibling.py.
VALUE = 42
def greet(name):
    return "hello " + name
class Thing:
    def __repr__(self):
        return "Thing()"
print("mod_helper imported as", __name__)
