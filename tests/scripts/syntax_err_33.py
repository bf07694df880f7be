# a string then a name: a forgotten comma
print("total" count)
