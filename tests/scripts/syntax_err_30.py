# a forgotten comma in a list display
items = [first second]
