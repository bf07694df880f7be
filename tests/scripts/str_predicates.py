for s in ["abc", "ABC", "Abc", "123", "12.5", "a1", " ", "", "_x", "x y", "Hello World"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(), s.isspace(), s.isidentifier())
