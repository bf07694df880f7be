# an unclosed bracket on the same line still reports the comma
values = [a b c
