# Files opened in a loop and never closed. CPython closes each one when the next
# assignment drops it; under a tracing GC they stay open until collected, and a
# process with a limit on open files (refscope: --max-open-files, default 1024 as
# a typical `ulimit -n`) gets "Too many open files".
import gc

PATH = "/tmp/refscope-example-file.txt"
out = open(PATH, "w")
out.write("hello\n")
out.close()

failures = 0
first_failure = None
for i in range(3000):
    try:
        f = open(PATH)
        f.readline()
    except (IOError, OSError) as e:
        failures += 1
        if first_failure is None:
            first_failure = "iteration %d: %s" % (i, e)
print("open() failed %d times" % failures)
if first_failure:
    print("first failure at " + first_failure)
