b = b"hello\x00\xff'"
print(b, len(b), b[0], b[-1], b[1:4], list(b[:3]), b + b"!", b * 2, b"ell" in b, 104 in b, b == b"x", hash(b) == hash(bytes(b)))
print("héllo".encode(), "héllo".encode("utf-8").decode(), b"abc".decode("ascii"), bytes(3), bytes([65, 66]), bytes("x", "ascii"), b"\x01\x02".hex())
print(repr(b'"'), b'a' < b'b', sorted([b"b", b"a"]), type(b).__name__, bytes())
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
