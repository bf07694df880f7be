#!/usr/bin/env python3
"""The host-GC models (jvm, clr, boehm): their rules, the seed FAQ's examples,
and every golden script run under them on the ASan/UBSan build.

  1. tests/models/rules_MODEL.py check each rule of README's tables under its model
     (release and ASan builds): exit 0, "0 failed", no sanitizer report.
  2. examples/*.py: under cpython, stdout equals python3's (the oracle); under the
     host models, the figures the examples exist to show.
  3. every tests/scripts/*.py under each host model, with a small young size so that
     collections and the finalizer thread run often: no crash, no sanitizer report,
     no leak. (Their output may differ from CPython's: that is the point of the models.)
Ends with "models: N passed, M failed".
Usage: test_models.py BUILD_DIR"""
import concurrent.futures as cf
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build"))
RELEASE = os.path.join(BUILD, "refscope")
DEBUG = os.path.join(BUILD, "refscope-debug")
HOST_MODELS = ["jvm", "clr", "boehm"]
SANITIZER = re.compile(r"AddressSanitizer|LeakSanitizer|runtime error:|leak at close")

passed = failed = 0


def result(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s%s" % (name, ("\n    " + detail.replace("\n", "\n    ")) if detail else ""))


def run(args, cwd=ROOT, timeout=120):
    p = subprocess.run(args, cwd=cwd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


# 1. the rules
for model in HOST_MODELS:
    for binary in (RELEASE, DEBUG):
        rc, out, err = run([binary, "--gc", model, "tests/models/rules_%s.py" % model])
        lines = out.strip().splitlines()
        ok = rc == 0 and lines and lines[-1] == "0 failed" and "FAIL" not in out and not SANITIZER.search(err)
        result(ok, "rules of %s (%s)" % (model, os.path.basename(binary)),
               "\n".join(l for l in lines if not l.startswith("ok:")) + err[-2000:])


# Collection triggers, read off the stats (generation counts start where CPython's start-up leaves them).
import json


def stats_of(model, script, *args):
    rc, out, err = run([RELEASE, "--gc", model, "--stats=json", script] + list(args))
    return json.loads(err.strip().splitlines()[-1])


def collections(stats):
    return [g["collections"] for g in stats["generations"]]


base = [22, 2, 0]  # what CPython 3.11's start-up leaves (gc_assume_cpython_startup)
jvm = collections(stats_of("jvm", "tests/models/heap_growth.py"))
result(jvm[2] - base[2] >= 3 and jvm[0] - base[0] > jvm[2], "jvm: young collections by allocation, full ones as the heap doubles",
       "cpython %s, jvm %s" % (base, jvm))
clr = collections(stats_of("clr", "tests/models/heap_growth.py"))
young = clr[0] - base[0] + clr[1] - base[1] + clr[2] - base[2]
result(clr[2] - base[2] >= 3 and abs((clr[1] - base[1] + clr[2] - base[2]) - young // 8) <= clr[2] - base[2] + 1,
       "clr: every 8th budget collects generation 1, a doubled heap generation 2", "cpython %s, clr %s" % (base, clr))
rc, out, err = run([RELEASE, "--gc", "jvm", "--young-size", "512", "--stats=json", "tests/models/heap_growth.py"])
more = collections(json.loads(err.strip().splitlines()[-1]))
result(more[0] > 2 * jvm[0] - base[0], "--young-size sets the young generation", "2048: %s, 512: %s" % (jvm, more))

rc, out, err = run([RELEASE, "--gc", "clr", "-c", "import gc\ngc.disable()\n"])
result("<string>:2: RuntimeWarning: IronPython has no support for disabling the GC" in err, "clr: gc.disable() warns", err)

for model in ["cpython"] + HOST_MODELS:
    path = os.path.join(BUILD, "file-at-exit-%s.txt" % model)
    rc, out, err = run([RELEASE, "--gc", model, "tests/models/file_at_exit.py", path])
    with open(path, encoding="utf-8") as f:
        result(f.read() == "written, never closed\n", "%s: a file left open at the end is flushed and closed" % model)
    os.remove(path)


# 2. the examples
def example(name, model):
    rc, out, err = run([RELEASE, "--gc", model, "examples/%s.py" % name])
    if rc != 0:
        raise AssertionError("exit status %d: %s" % (rc, err[-500:]))
    return out


def figure(text, label):
    m = re.search(re.escape(label) + r":? (\d+)", text)
    if not m:
        raise AssertionError("no %r in:\n%s" % (label, text))
    return int(m.group(1))


EXPECTED = {
    # the seed's point: reference counting never needs more than 2 handles, the host GCs run the pool dry
    ("resource_loop", "cpython"): lambda o: figure(o, "peak handles in use") <= 2 and figure(o, "times the pool was empty") == 0,
    ("resource_loop", "jvm"): lambda o: figure(o, "peak handles in use") == 16 and figure(o, "times the pool was empty") > 10000
        and figure(o, "finalized by the end of the loop") < 10000,
    ("resource_loop", "clr"): lambda o: figure(o, "peak handles in use") == 16 and figure(o, "times the pool was empty") > 10000
        and "handles still in use 0" in o,
    ("resource_loop", "boehm"): lambda o: figure(o, "peak handles in use") == 16 and figure(o, "times the pool was empty") > 10000,
    # the portable fixes work everywhere
    ("resource_close", "*"): lambda o: figure(o, "peak handles in use") == 1 and figure(o, "times the pool was empty") == 0,
    ("resource_with", "*"): lambda o: figure(o, "peak handles in use") == 1 and figure(o, "times the pool was empty") == 0,
    # unclosed files: CPython closes each as it goes; the JVM's lagging finalizer thread runs out of descriptors
    ("files_unclosed", "cpython"): lambda o: figure(o, "open() failed") == 0,
    ("files_unclosed", "jvm"): lambda o: figure(o, "open() failed") > 0 and "Too many open files" in o,
    # a stored traceback: freed at the clearing (cpython), at the next collection (clr, boehm), not even then (jvm)
    ("traceback_locals", "cpython"): lambda o: "after clearing the stored traceback: Big freed" in o,
    ("traceback_locals", "jvm"): lambda o: "after gc.collect(): Big still alive" in o,
    ("traceback_locals", "clr"): lambda o: "clearing the stored traceback: Big still alive" in o and "after gc.collect(): Big freed" in o,
    ("traceback_locals", "boehm"): lambda o: "clearing the stored traceback: Big still alive" in o and "after gc.collect(): Big freed" in o,
    # a cycle with __del__: finalized by gc.collect() (cpython, clr), later (jvm), never (boehm)
    ("cycle_del", "cpython"): lambda o: "after gc.collect(): finalized ['a', 'b']" in o,
    ("cycle_del", "clr"): lambda o: "after gc.collect(): finalized ['a', 'b']" in o,
    ("cycle_del", "jvm"): lambda o: "after gc.collect(): finalized []" in o and "a little later: finalized ['a', 'b']" in o,
    ("cycle_del", "boehm"): lambda o: "a little later: finalized []" in o,
    # a weak cache entry outlives its last user until a collection
    ("weakref_cache", "cpython"): lambda o: "cached after the last use: False" in o,
    ("weakref_cache", "jvm"): lambda o: "cached after the last use: True" in o and "cached after gc.collect(): False" in o,
}

for name in ["resource_loop", "resource_close", "resource_with", "files_unclosed", "traceback_locals", "cycle_del", "weakref_cache"]:
    py = run(["python3", "examples/%s.py" % name])
    try:
        out = example(name, "cpython")
        result(out == py[1], "example %s: cpython model's stdout is python3's" % name, "refscope:\n%s\npython3:\n%s" % (out, py[1]))
    except AssertionError as e:
        result(False, "example %s under cpython" % name, str(e))
    for model in ["cpython"] + HOST_MODELS:
        check = EXPECTED.get((name, model)) or EXPECTED.get((name, "*"))
        if not check:
            continue
        try:
            out = example(name, model)
            result(check(out), "example %s under %s" % (name, model), out)
        except AssertionError as e:
            result(False, "example %s under %s" % (name, model), str(e))


# Deterministic: the same run gives the same events every time (all but the wall-clock pause times).
# Watching a run does not change it: the same output with and without --trace.
def trace_of(model, path):
    rc, out, err = run([RELEASE, "--gc", model, "--trace", path, "examples/resource_loop.py"])
    with open(path, encoding="utf-8") as f:
        return out, [re.sub(r'"pause_seconds": [0-9.e-]+', "", line) for line in f]


for model in HOST_MODELS:
    tmp = os.path.join(BUILD, "determinism-%s-%%d.jsonl" % model)
    (out1, first), (out2, second) = trace_of(model, tmp % 1), trace_of(model, tmp % 2)
    result(first == second and len(first) > 1000, "the same %s run gives the same events (%d events)" % (model, len(first)))
    untraced = run([RELEASE, "--gc", model, "examples/resource_loop.py"])[1]
    result(out1 == untraced, "--trace does not change a %s run" % model, "traced:\n%s\nuntraced:\n%s" % (out1, untraced))
    for i in (1, 2):
        os.remove(tmp % i)


# 3. every golden script under every host model, ASan/UBSan, collections every 64 objects
def sweep(job):
    model, script = job
    try:
        rc, out, err = run([DEBUG, "--gc", model, "--young-size", "64", script], cwd=os.path.join(ROOT, "tests", "scripts"),
                           timeout=300)
    except subprocess.TimeoutExpired:
        return job, "timed out"
    if SANITIZER.search(err):
        return job, err[-1500:]
    if (rc < 0 or rc >= 128) and rc not in (-2, 130):  # a script that raises KeyboardInterrupt ends by SIGINT, as CPython
        return job, "exit status %d\n%s" % (rc, err[-800:])
    return job, None


scripts = sorted(f for f in os.listdir(os.path.join(ROOT, "tests", "scripts")) if f.endswith(".py"))
jobs = [(m, s) for m in HOST_MODELS for s in scripts]
with cf.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    for (model, script), problem in pool.map(sweep, jobs):
        result(problem is None, "%s under %s (ASan, --young-size 64)" % (script, model), problem or "")

print("models: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
