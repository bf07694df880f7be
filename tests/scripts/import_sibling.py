import mod_helper
from mod_helper import greet, VALUE as V
import mod_helper as again
print(mod_helper.VALUE, greet("x"), V, again is mod_helper, mod_helper.Thing())
import math, sys
print(math.sqrt(16), math.pi, "mod_helper" in sys.modules)
from math import floor, ceil
print(floor(2.5), ceil(2.5))
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)
try:
    from mod_helper import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(__name__)
