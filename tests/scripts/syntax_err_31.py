# a forgotten comma between call arguments
result = compute(a, b c=1)
