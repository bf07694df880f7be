#!/usr/bin/env python3
"""Benchmarks: each tools/bench/scripts/*.py under refscope and under python3,
alternating, several repetitions; prints whole-process wall-clock medians,
the ratio refscope/python3, peak RSS of each, and the geometric mean, as a
markdown table (also written to build/bench.md). Outputs must match."""
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
BIN = os.path.join(ROOT, "build", "refscope")
SCRIPTS = os.path.join(HERE, "scripts")
REPS = int(os.environ.get("BENCH_REPS", "5"))


def run(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    wall = time.perf_counter() - start
    return wall, out, p.returncode


def peak_rss_kb(cmd):
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True)
    try:
        return int(p.stderr.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return -1


def main():
    scripts = sorted(f for f in os.listdir(SCRIPTS) if f.endswith(".py"))
    rows, ratios = [], []
    for s in scripts:
        path = os.path.join(SCRIPTS, s)
        ours, theirs = [], []
        out_ours = out_theirs = None
        for _ in range(REPS):
            w, out_ours, rc = run([BIN, path])
            ours.append(w)
            w, out_theirs, rc2 = run(["python3", path])
            theirs.append(w)
        if out_ours != out_theirs:
            print("output differs from python3 for %s" % s, file=sys.stderr)
            return 1
        a, b = statistics.median(ours), statistics.median(theirs)
        ratios.append(a / b)
        rows.append("| %s | %.3f | %.3f | %.2f | %d | %d |" % (s, a, b, a / b, peak_rss_kb([BIN, path]), peak_rss_kb(["python3", path])))
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    table = ["| script | refscope s | python3 s | ratio | refscope peak KiB | python3 peak KiB |", "|---|---|---|---|---|---|"]
    table += rows
    table.append("| geometric mean | | | %.2f | | |" % geo)
    text = "\n".join(table) + "\n\nMedians of %d alternating whole-process runs each.\n" % REPS
    print(text)
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    with open(os.path.join(ROOT, "build", "bench.md"), "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
