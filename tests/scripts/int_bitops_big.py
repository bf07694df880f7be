a, b = 2 ** 100 + 12345, 2 ** 90 - 1
print(a & b, a | b, a ^ b, ~a, a >> 3, b << 7, -a & 0xFFFF, -a >> 95, (-a) ^ b)
