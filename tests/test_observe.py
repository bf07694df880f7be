#!/usr/bin/env python3
"""Tests of what refscope reports about memory: --stats (table and JSON,
checked against docs/stats.schema.json), --trace (JSON lines: exact event
sequences for small scripts, the same file from two runs, kinds and limits;
the Chrome format's structure) and --compare. The numbers that CPython also
shows (gc.get_stats()) are checked against what the script itself printed.
Ends with the line "observe: N passed, M failed"."""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:  # python3 is not Debian's: use Debian's python3-jsonschema (tools/deps.sh installs it)
    sys.path.append("/usr/lib/python3/dist-packages")
    import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "refscope"))
with open(os.path.join(HERE, "..", "docs", "stats.schema.json")) as f:
    SCHEMA = json.load(f)
results = []
TMP = tempfile.mkdtemp(prefix="refscope-observe-")


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def run(args, code=None, stdin=b""):
    path = None
    if code is not None:
        path = os.path.join(TMP, "script.py")
        with open(path, "w") as f:
            f.write(code)
    p = subprocess.run([BIN] + args + ([path] if path else []), input=stdin, capture_output=True, timeout=60)
    return p


def schema_errors(doc):
    return [e.message for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc)]


def stats_of(code):
    p = run(["--stats=json"], code)
    return p, json.loads(p.stderr.decode().strip().splitlines()[-1])


def events(code, kinds="all", extra=()):
    trace = os.path.join(TMP, "trace.jsonl")
    p = run(["--trace", trace, "--trace-kinds", kinds] + list(extra), code)
    with open(trace) as f:
        return p, [json.loads(line) for line in f]


# ---- stats ----

CYCLES = """import gc
class Node:
    def __init__(self): self.me = self
    def __del__(self): pass
for i in range(2000):
    Node()
gc.collect()
print([s["collections"] for s in gc.get_stats()], [s["collected"] for s in gc.get_stats()])
"""
p, st = stats_of(CYCLES)
check("--stats=json follows the schema", not schema_errors(st), schema_errors(st)[:3])
printed = json.loads("[" + p.stdout.decode().splitlines()[0].replace("] [", "], [") + "]")  # "[a, b, c] [d, e, f]": a pair
check("generations agree with what gc.get_stats() showed the script",
      [g["collections"] for g in st["generations"]][:2] == printed[0][:2], (st["generations"], printed))
o = st["objects"]
check("allocated = freed by each cause + live",
      o["allocated"] == o["freed_by_refcount"] + o["freed_by_collection"] + o["freed_at_shutdown"] + o["live"], o)
check("2000 self-referencing nodes: found by collections, finalized",
      o["freed_by_collection"] >= 2000 and st["finalizers_run"] >= 2000, (o, st["finalizers_run"]))
check("peak live is at least what lived at once", o["peak_live"] >= 700 and o["peak_live"] <= o["allocated"], o)

p, st = stats_of("x = [list(range(10)) for i in range(100)]\nimport weakref\nclass C: pass\nc = C()\nr = weakref.ref(c, lambda w: None)\ndel c\n")
check("a weakref callback is counted", st["weakref_callbacks"] == 1, st)
check("nothing collected without cycles", st["objects"]["freed_by_collection"] == 0, st["objects"])
check("bytes: peak >= live, allocated >= peak", st["bytes"]["allocated"] >= st["bytes"]["peak_live"] >= 0, st["bytes"])

p, st = stats_of("saved = []\nclass L:\n    def __del__(self): saved.append(self)\nL()\n")
check("a resurrection is counted", st["resurrections"] == 1 and st["finalizers_run"] == 1, st)

p = run(["--stats"], "print('hi')\n")
table = p.stderr.decode()
check("--stats prints a table to stderr, the program's output untouched",
      p.stdout == b"hi\n" and "objects allocated" in table and "cpython" in table and "instructions executed" in table, table[:200])

# ---- events ----

SMALL = """class A:
    def __del__(self):
        pass
a = A()
b = A()
del a
b.me = b
del b
import gc
gc.collect()
"""
p, evs = events(SMALL, "alloc,free,finalize,gc")
mine = [e for e in evs if e.get("type") == "A" or e["kind"].startswith("gc")]
seq = [(e["kind"], e["line"], e.get("cause")) for e in mine]
want = [("alloc", 4, None), ("alloc", 5, None), ("finalize_start", 6, None), ("finalize_end", 6, None),
        ("free", 6, "refcount"), ("gc_start", 10, None), ("finalize_start", 10, None), ("finalize_end", 10, None),
        ("free", 10, "collection"), ("gc_stop", 10, None)]
check("the event sequence of a small script, lines and causes", seq[:len(want)] == want, seq)
a_serial, b_serial = mine[0]["serial"], mine[1]["serial"]
check("serials follow an object from allocation to reclamation",
      a_serial > 0 and b_serial == a_serial + 1 + sum(1 for e in evs if e["kind"] == "alloc" and a_serial < e["serial"] < b_serial)
      and mine[4]["serial"] == a_serial and mine[8]["serial"] == b_serial, [(e["kind"], e.get("serial")) for e in mine])
clocks = [e["clock"] for e in evs]
check("the logical clock never goes back", clocks == sorted(clocks), clocks[:20])
stop = [e for e in mine if e["kind"] == "gc_stop"][0]
check("gc_stop reports what the collection found", stop["generation"] == 2 and stop["collected"] >= 1, stop)


def strip_wall_time(evs):
    return [{k: v for k, v in e.items() if k != "pause_seconds"} for e in evs]


_, again = events(SMALL, "alloc,free,finalize,gc")
check("two runs give the same events", strip_wall_time(evs) == strip_wall_time(again), "")

_, only = events(SMALL, "finalize")
check("--trace-kinds keeps only those kinds", {e["kind"] for e in only} == {"finalize_start", "finalize_end"}, {e["kind"] for e in only})
_, capped = events(CYCLES, "all", ["--trace-limit", "50"])
check("--trace-limit keeps the first N and reports the rest",
      len(capped) == 51 and capped[-1]["kind"] == "dropped" and capped[-1]["count"] > 1000, capped[-1])
p = run(["--trace", os.path.join(TMP, "x"), "--trace-kinds", "nonsense", "-c", "1"])
check("an unknown event kind is a usage error", p.returncode == 2 and b"unknown event kinds" in p.stderr, p.stderr)
p = run(["--trace", "/no/such/dir/trace.jsonl", "-c", "1"])
check("an unwritable trace file is an error", p.returncode == 2 and b"cannot write the trace" in p.stderr, p.stderr)

# ---- Chrome trace format ----

chrome = os.path.join(TMP, "trace.json")
p = run(["--trace", chrome, "--trace-format", "chrome"], CYCLES)
with open(chrome) as f:
    doc = json.load(f)
tev = doc.get("traceEvents", [])
ok = bool(tev) and all({"ph", "ts", "pid", "tid", "name"} <= set(e) for e in tev)
depth = {}
for e in tev:
    if e["ph"] == "B":
        depth[e["name"]] = depth.get(e["name"], 0) + 1
    elif e["ph"] == "E":
        depth[e["name"]] = depth.get(e["name"], 0) - 1
        ok = ok and depth[e["name"]] >= 0
check("the Chrome trace is well formed: every event has ph/ts/pid/tid/name, B and E balance",
      ok and all(v == 0 for v in depth.values()), [k for k, v in depth.items() if v][:3])
check("the Chrome trace has collections, finalizers and live counters",
      any(e["name"].startswith("collect generation") for e in tev) and any(e["name"].startswith("finalize Node") for e in tev)
      and any(e["ph"] == "C" and "objects" in e.get("args", {}) for e in tev), len(tev))

# ---- compare ----

p = run(["--compare", "cpython"], "import gc\nclass A:\n    def __del__(self): print('bye')\nA()\nprint('done')\n")
out = p.stdout.decode()
check("--compare prints the output, the stats and the differences",
      p.returncode == 0 and "bye\ndone\n" in out and "== stats" in out and "== differences" in out and "none" in out, out[:300])
p = run(["--compare-json", "cpython"], "print('x')\n")
doc = json.loads(p.stdout)
check("--compare-json: runs with stdout and stats in the schema's form",
      doc["runs"][0]["model"] == "cpython" and doc["runs"][0]["stdout"] == "x\n" and not schema_errors(doc["runs"][0]["stats"])
      and doc["finalizer_differences"] == [], doc)
p = run(["--compare", "cpython,nosuch", "-c", "1"])
check("an unknown model is a usage error", p.returncode == 2 and b"unknown model 'nosuch'" in p.stderr, p.stderr)
p = run(["--gc", "cpython", "-c", "print(1)"])
check("--gc cpython runs", p.returncode == 0 and p.stdout == b"1\n", p.stderr)

# ---- files ----

FILES = """path = "/tmp/refscope-observe-files.txt"
kept = []
for i in range(8):
    f = open(path, "w")
    kept.append(f)
kept.clear()
for i in range(100):
    f = open(path, "w")
print("fine")
"""
p, st = stats_of(FILES)
check("files: the peak of open files, and all closed at the end",
      st["files"]["peak_open"] == 8 and st["files"]["open"] == 0 and p.stdout == b"fine\n", (st["files"], p.stderr[-300:]))
_, evs = events(FILES, "file")
opens = [e for e in evs if e["kind"] == "file_open"]
closes = [e for e in evs if e["kind"] == "file_close"]
check("file_open and file_close events, with the lines",
      len(opens) == 108 and len(closes) == 108 and opens[0]["line"] == 4 and closes[0]["line"] == 6 and closes[8]["line"] == 8,
      (len(opens), len(closes), closes[:1]))
p = run(["--max-open-files", "5"], FILES)
check("--max-open-files: the next open() raises OSError 24, as a process out of descriptors",
      p.returncode == 1 and p.stderr.decode().strip().splitlines()[-1]
      == "OSError: [Errno 24] Too many open files: '/tmp/refscope-observe-files.txt'", p.stderr[-300:])
p = run(["--max-open-files", "2"], "for i in range(100):\n    f = open('/tmp/refscope-observe-files.txt', 'w')\nprint('ok')\n")
check("reference counting closes each file in time: two handles are enough (the next opens before f lets go)", p.returncode == 0 and p.stdout == b"ok\n", p.stderr[-300:])
p = run(["--max-open-files", "0", "-c", "1"])
check("--max-open-files needs a positive number", p.returncode == 2, p.stderr)

failed = [r for r in results if not r[1]]
for name, ok, detail in results:
    if not ok:
        print("FAIL %s\n  %s" % (name, str(detail)[:600]))
print("observe: %d passed, %d failed" % (len(results) - len(failed), len(failed)))
sys.exit(1 if failed else 0)
