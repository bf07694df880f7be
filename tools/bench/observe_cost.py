#!/usr/bin/env python3
"""What observation costs: each tools/bench/scripts/*.py under
  - build/noobs/refscope: the per-object and per-instruction hooks compiled
    out (-DRS_NO_OBSERVE), the baseline;
  - build/refscope: the hooks in, no event hook set (what every run pays);
  - build/refscope --trace FILE: every event written as JSON lines.
Reports instructions counted by callgrind (repeatable: the same binary and
input give the same count) when valgrind is there, and whole-process
wall-clock medians of alternating runs. Writes build/observe-cost.md."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(HERE, "scripts")
REPS = int(os.environ.get("BENCH_REPS", "5"))
BASE = os.path.join(ROOT, "build", "noobs", "refscope")
BIN = os.path.join(ROOT, "build", "refscope")


def wall(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def instructions(cmd):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "cg.out")
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                           capture_output=True, text=True)
        for line in p.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1].strip())
    return None


def main():
    subprocess.run(["make", "-s", "-C", ROOT, "all", "BUILD=build/noobs", "CFLAGS=-O2 -DRS_NO_OBSERVE"], check=True)
    subprocess.run(["make", "-s", "-C", ROOT, "all"], check=True)
    trace = os.path.join(tempfile.mkdtemp(prefix="refscope-cost-"), "trace.jsonl")
    has_valgrind = shutil.which("valgrind") is not None
    rows = ["| script | hooks in / out, instructions | hooks in / out, wall | --trace / no trace, wall | trace events |",
            "|---|---|---|---|---|"]
    for name in sorted(f for f in os.listdir(SCRIPTS) if f.endswith(".py")):
        path = os.path.join(SCRIPTS, name)
        base, hooks, traced = [], [], []
        for _ in range(REPS):
            base.append(wall([BASE, path]))
            hooks.append(wall([BIN, path]))
            traced.append(wall([BIN, "--trace", trace, path]))  # the default limit: a million events
        with open(trace) as f:
            nevents = sum(1 for _ in f)
        ins = ""
        if has_valgrind:
            a, b = instructions([BIN, path]), instructions([BASE, path])
            ins = "%.4f (%d / %d)" % (a / b, a, b) if a and b else "n/a"
        b, h, t = statistics.median(base), statistics.median(hooks), statistics.median(traced)
        rows.append("| %s | %s | %.3f (%.3f s / %.3f s) | %.2f (%.3f s) | %d |" % (name, ins, h / b, h, b, t / h, t, nevents))
    text = "\n".join(rows) + "\n\nMedians of %d alternating whole-process runs; instructions from callgrind.\n" % REPS
    print(text)
    with open(os.path.join(ROOT, "build", "observe-cost.md"), "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
