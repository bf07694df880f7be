s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.index("fox"), s.find("cat"), s.count("o"), s.count("the"))
print(s.startswith("the"), s.endswith("dog"), s.startswith("quick", 4), s[4:9] == "quick", "fox" in s)
try:
    s.index("cat")
except ValueError as e:
    print(e)
try:
    s.rindex("cat")
except ValueError as e:
    print(e)
words = s.split()
print(len(words), max(words, key=len), sorted(words)[:3], " ".join(reversed(words)))
