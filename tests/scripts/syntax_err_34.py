# in a comprehension condition it is plain invalid syntax
values = [x for x in data if x y]
