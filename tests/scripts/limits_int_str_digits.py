# CPython 3.11's limit on decimal conversions of big integers (quadratic work): int(), str(), formatting, literals.
import sys
print(sys.get_int_max_str_digits())
for f in [lambda: int('7' * 5000), lambda: str(10 ** 5000), lambda: '%d' % 10 ** 5000, lambda: f'{10 ** 5000}',
          lambda: int('1_0' * 2200), lambda: int('f' * 5000, 16) > 0, lambda: hex(16 ** 5000)[:5], lambda: repr(10 ** 4299)[:3],
          lambda: int('9' * 4300) > 0, lambda: str(-10 ** 4299)[:4], lambda: int('7' * 5000, 8) > 0, lambda: int('7' * 5000, 36) > 0,
          lambda: format(10 ** 5000, 'x')[:3], lambda: format(10 ** 5000, ',')]:
    try:
        print(str(f())[:10])
    except ValueError as e:
        print('ValueError', e)
for v in [5, 640, 641, 0, -1]:
    try:
        sys.set_int_max_str_digits(v)
        print('set', v, sys.get_int_max_str_digits())
    except ValueError as e:
        print('ValueError', e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
sys.set_int_max_str_digits(maxdigits=1000)
try:
    exec('x = ' + '1' * 1001)
except SyntaxError as e:
    print(e.msg)
print(len(str(int('5' * 1000))))
