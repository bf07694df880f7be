class Bad:
    def __del__(self):
        raise ValueError("error in __del__")
b = Bad()
del b
print("execution continues after the ignored exception")
