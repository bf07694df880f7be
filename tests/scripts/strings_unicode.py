s = "naïve café — ünïcode ☃ 日本"
print(len(s), s.upper(), s.lower(), s[6:10], s[-2:], s.find("☃"), s.split(" "))
print(repr(s), ascii("é"), [ord(c) for c in "é☃"], chr(0x263A), "\u00e9" == "é", "\N{BULLET}" if False else "")
print("ß".upper() if False else "skip", "Ω".lower(), "ω".upper(), "ДОМ".lower(), "дом".title())
print("é".isalpha(), "٣".isdigit() if False else "", "a\tb\nc".split(), "x\x00y"[1] == "\x00", len("\x00"))
print("tab\there", "new\\nline", r"raw\n", "quote\"s", 'single\'s')
for ch in "aé☃":
    print(ch, end=";")
print()
print("abc".encode if False else "no encode", "%s|%5s|%-5s|" % ("é", "é", "é"))
print(f"{'é':>4}|{'日本':^6}|")
