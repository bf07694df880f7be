# time.sleep() refuses what it cannot wait for, as CPython: NaN, a negative time, one past int64 nanoseconds.
import time
for value in [float("nan"), -1, -0.5, 1e30, float("inf"), 9.3e9]:
    try:
        time.sleep(value)
        print("slept", value)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
time.sleep(0)
time.sleep(0.001)
print("done")
