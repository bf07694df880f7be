class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def valid(d):
        return d > -273.15
    def __repr__(self):
        return f"{type(self).__name__}({self.deg}{self.unit})"
class Kelvin(Temp):
    unit = "K"
print(Temp.from_f(212), Kelvin.from_f(32), Temp.valid(-300), Kelvin.valid(0), Temp(1).from_f(50))
print(type(Temp.__dict__["from_f"]).__name__, type(Temp.__dict__["valid"]).__name__, Temp.valid.__name__)
