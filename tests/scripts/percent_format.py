print("%s|%10s|%-10s|%.3s" % ("str", "right", "left", "truncate"))
print("%d|%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5, 6))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G" % (1.5, 2.25, 3.14159, 4.0, 12345.6789, 0.000123, 1e-5, 1e20))
print("%x|%X|%#x|%o|%#o|%c|%%|%r" % (255, 255, 255, 8, 8, 97, "q"))
print("%(a)s and %(b)s" % {"a": 1, "b": [2]}, "%s" % None, "%d" % 3.99, "%s%s" % ("a", "b"))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print(e)
