words = ["banana", "apple", "Cherry", "apple", "date"]
print(sorted(words), sorted(set(words)), words.count("apple"), words.index("Cherry"))
print("apple" < "banana", "Apple" < "apple", "a" * 3 == "aaa", "abc".startswith(""), "" < "a")
print(min(words, key=len), max(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: w[::-1]))
