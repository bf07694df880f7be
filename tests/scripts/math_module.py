import math
print(math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.pow(2, 10), math.exp(1), math.log(100, 10), math.log10(1000), math.log2(8), math.log(math.e))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.gcd(12, 18), math.gcd(2**70, 2**65), math.factorial(20), math.isqrt(10**20 + 1))
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.degrees(math.pi), math.radians(180), math.copysign(3, -1), math.fmod(7, 3), math.fsum([0.1] * 10))
print(math.prod([1, 2, 3, 4]), math.log(2**100))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
