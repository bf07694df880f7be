#!/usr/bin/env python3
"""Runs the seed FAQ's examples (examples/*.py, written in the subset Python 2.7
and 3 share) under python3, pypy3 and jython when they are installed, and under
refscope's four models, and prints the figures that matter side by side as a
markdown table: does each model point the same way as the real Python it stands
for? Every program gets the same limit of 1024 open files (refscope's default,
a typical `ulimit -n`). Install the host Pythons with `apt-get install pypy3
jython`. Writes the table to build/host-oracle.md too.

Usage: tools/host_oracle.py [path/to/refscope]"""
import os
import re
import resource
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFSCOPE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "refscope"))
MAX_OPEN_FILES = 1024


def limit_files():
    resource.setrlimit(resource.RLIMIT_NOFILE, (MAX_OPEN_FILES, MAX_OPEN_FILES))


def runners():
    found = []
    for name in ("python3", "pypy3", "jython"):
        if shutil.which(name):
            found.append((name, [name]))
        else:
            print("(%s is not installed: its column is left out)" % name, file=sys.stderr)
    for model in ("cpython", "jvm", "clr", "boehm"):
        found.append(("refscope " + model, [REFSCOPE, "--gc", model]))
    return found


def run(command, example):
    p = subprocess.run(command + [os.path.join("examples", example + ".py")], cwd=ROOT, capture_output=True, timeout=600,
                       preexec_fn=limit_files)
    return p.stdout.decode("utf-8", "replace")


def number(text, label):
    m = re.search(re.escape(label) + r":? (\d+)", text)
    return m.group(1) if m else "?"


def after(text, label):
    m = re.search(re.escape(label) + r":? (.*)", text)
    return m.group(1).strip() if m else "?"


def traceback_fate(text):
    if "clearing the stored traceback: Big freed" in text:
        return "at the clearing"
    if "after gc.collect(): Big freed" in text:
        return "at gc.collect()"
    return "not by the end" if "Big still alive" in text else "?"


def cycle_fate(text):
    collected = after(text, "after gc.collect(): finalized")
    later = after(text, "a little later: finalized")
    return "%s / %s" % (collected, later)


ROWS = [
    ("resource_loop", "peak handles in use (pool of 16)", lambda o: number(o, "peak handles in use")),
    ("resource_loop", "times the pool was empty", lambda o: number(o, "times the pool was empty")),
    ("resource_loop", "finalized by the end of the loop (of 20,000)", lambda o: number(o, "finalized by the end of the loop")),
    ("resource_loop", "handles still in use after `del x; gc.collect()`", lambda o: number(o, "handles still in use")),
    ("files_unclosed", "open() failures, 3,000 unclosed opens, 1024 descriptors", lambda o: number(o, "open() failed")),
    ("traceback_locals", "a stored traceback's local is freed", traceback_fate),
    ("cycle_del", "cycle with `__del__` finalized: after gc.collect() / later", cycle_fate),
    ("weakref_cache", "weak cache entry still there after its last use", lambda o: after(o, "cached after the last use")),
]


def main():
    columns = runners()
    outputs = {}
    for example in sorted(set(r[0] for r in ROWS)):
        for name, command in columns:
            print("running %s under %s" % (example, name), file=sys.stderr)
            outputs[example, name] = run(command, example)
    lines = ["| | " + " | ".join(name for name, _ in columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for example, label, extract in ROWS:
        cells = [extract(outputs[example, name]) for name, _ in columns]
        lines.append("| `%s`: %s | %s |" % (example, label, " | ".join(cells)))
    table = "\n".join(lines) + "\n"
    sys.stdout.write(table)
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    with open(os.path.join(ROOT, "build", "host-oracle.md"), "w") as f:
        f.write(table)


main()
