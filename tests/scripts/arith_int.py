# Integer arithmetic, including arbitrary precision and Python's floor rules.
print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10)
print(2 ** 64, 2 ** 100 - 1, -(2 ** 70), (2 ** 64) // 3, (2 ** 64) % 1000007)
print(12345678901234567890 * 98765432109876543210)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(2**80, 12345))
print(1 << 70, (1 << 70) >> 65, -1 >> 3, -(2**80) >> 10, 5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1)
print((2**70) & (2**70 - 1), (2**70) | 1, -(2**70) & 0xFFFF, -(2**65) ^ 12345)
print(abs(-5), abs(-(2**80)), int("123"), int("-0x1f", 16), int("0b101", 0), int(" 42 "), int("1_000"))
print(int(3.99), int(-3.99), int(1e20), round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10**9+7), pow(2, -1))
print(hex(255), oct(8), bin(5), hex(-255), hex(2**70))
print((5).bit_length(), (2**100).bit_length(), (0).bit_length(), (255).bit_count())
print(True + True, True * 10, False - 1, int(True))
print(9007199254740993 * 3, 2**63, -2**63, 2**63 - 1 + 1)
x = 0
for i in range(100):
    x += i * i
print(x)
print(sum(range(1, 101)), sum([2**64, 2**64]), max(3, 9, 2), min([4, -1, 7]))
