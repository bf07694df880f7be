def f1():
    try:
        return "try"
    finally:
        return "finally wins"
print(f1())
def f2():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            print("f", i)
print(f2())
def f3():
    try:
        raise ValueError("x")
    except ValueError:
        return "from except"
    finally:
        print("cleanup f3")
print(f3())
def f4():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        return f"outer caught {e}"
print(f4())
def f5():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after loop"
print(f5())
def f6():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise ValueError("nested")
        except ValueError as e:
            return repr(e.__context__)
print(f6())
def f7():
    result = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                result.append(i)
            finally:
                result.append("f%d" % i)
        except Exception:
            pass
    return result
print(f7())
def f8():
    try:
        return "a"
    finally:
        print("runs before return value is used")
print(f8())
def f9():
    x = 0
    try:
        x = 1
        raise RuntimeError
    except RuntimeError:
        x = 2
    else:
        x = 3
    finally:
        x *= 10
    return x
print(f9())
