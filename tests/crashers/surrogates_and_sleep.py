print(repr("\ud800"), "\udfff" + "x")
import time
for v in [float("nan"), 1e300, float("-inf")]:
    try:
        time.sleep(v)
    except Exception as e:
        print(type(e).__name__)
