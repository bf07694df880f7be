s = "tab\there\nnewline\\backslash\x41\101\u00e9\U0001F600 \a\b\f\v\0end"
print(repr(s))
print(len(s), s.count("\\"), "\x00" in s)
print(r"\d+\s*", "\N{LATIN SMALL LETTER E WITH ACUTE}" if False else "", 'it\'s', "say \"hi\"")
print("""triple "quoted" 'string'
spanning lines""")
print("line continuation \
joined")
print("adjacent" " literals" ' concatenate')
