n = 1234567
print(format(n, ","), format(n, "_"), format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"), format(n, "#x"))
print(format(-42, "+d"), format(42, "+d"), format(42, " d"), format(42, "08d"), format(-42, "08d"), format(42, "<8d") + "|")
print(format(42, "^8") + "|", format(42, "*>8"), format(42, "e"), format(42, ".2f"), format(255, "c") if False else "")
print("%05d|%-5d|%+d|%x|%X|%o|%e|%.3g|%g" % (42, 42, 42, 255, 255, 8, 12345.678, 12345.678, 0.0001))
print("%s %s" % ("a", "b"), "%(x)s-%(y)d" % {"x": "X", "y": 5}, "%%", "%c" % 65, "%r" % "q")
print("{:,.2f}".format(1234567.891), "{:.0f}".format(2.5), "{:.1%}".format(0.1234), "{:10.3e}|".format(1234.5))
print(str(10**20), repr(-10**20), format(10**20, ","), hex(-1), format(0.5, ".0f"), format(1.5, ".0f"))
print(f"{3.14159:.3}", f"{1234.5:g}", f"{1e-10:g}", f"{100000000.0:g}", f"{float('inf'):f}", f"{-0.0:+}")
