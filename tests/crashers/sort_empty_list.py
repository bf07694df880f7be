# clang's UBSan: sorting an empty list offset a NULL scratch array (list_sort).
print(sorted([]), sorted([], key=len, reverse=True))
x = []
x.sort()
