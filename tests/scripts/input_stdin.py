name = input()
age = int(input("Age? "))
print(f"\n{name} is {age}")
try:
    input()
except EOFError as e:
    print("EOFError", e)
