class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __sub__(self, o):
        return Money(self.cents - o.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __floordiv__(self, k):
        return self.cents // k
    def __mod__(self, k):
        return self.cents % k
    def __neg__(self):
        return Money(-self.cents)
    def __abs__(self):
        return Money(abs(self.cents))
    def __lt__(self, o):
        return self.cents < o.cents
    def __eq__(self, o):
        return self.cents == o.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), sum(wallet, Money(0)), Money(100) - Money(1), Money(3) * 4, Money(10) / 3, Money(10) // 3)
print(-Money(5), abs(Money(-7)), Money(1) < Money(2), sorted(wallet), max(wallet), Money(9) % 4, Money(1) == Money(1))
