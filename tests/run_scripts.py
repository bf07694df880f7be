#!/usr/bin/env python3
"""Golden tests: runs every tests/scripts/*.py under refscope and compares
stdout, the exit status and the last line of stderr with the expectations
that tools/oracle.py recorded from python3 (NAME.out and NAME.status).
Ends with the line "N passed, M failed"."""
import argparse
import concurrent.futures as cf
import difflib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")


def normalize_stderr(text):
    """As tools/oracle.py: no absolute paths, no addresses, no timings."""
    text = text.replace(os.path.normpath(SCRIPTS) + os.sep, "")
    text = re.sub(r"\d+\.\d+s elapsed", "N.NNNNs elapsed", text)  # gc.DEBUG_STATS timings
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def run_one(binary, name, timeout):
    base = os.path.join(SCRIPTS, name[:-3])
    stdin = None
    if os.path.exists(base + ".in"):
        with open(base + ".in", "rb") as f:
            stdin = f.read()
    with open(base + ".out", encoding="utf-8") as f:
        want_out = f.read()
    with open(base + ".status", encoding="utf-8") as f:
        want = json.load(f)
    try:
        p = subprocess.run([binary, name], cwd=SCRIPTS, input=stdin if stdin is not None else b"",
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return name, ["timed out after %ds" % timeout]
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    problems = []
    if out != want_out:
        diff = difflib.unified_diff(want_out.splitlines(), out.splitlines(), "python3", "refscope", lineterm="", n=1)
        problems.append("stdout differs:\n" + "\n".join(list(diff)[:40]))
    if p.returncode != want["exit"]:
        problems.append("exit status %d, python3 gave %d" % (p.returncode, want["exit"]))
    if "stderr" in want:
        # The whole of stderr (tracebacks with their position markers, syntax errors with their carets) must match.
        if normalize_stderr(err) != want["stderr"]:
            diff = difflib.unified_diff(want["stderr"].splitlines(), normalize_stderr(err).splitlines(), "python3",
                                        "refscope", lineterm="", n=1)
            problems.append("stderr differs:\n" + "\n".join(list(diff)[:30]))
    elif want.get("stderr_last") is not None and last_line(err) != want["stderr_last"]:
        problems.append("last stderr line:\n  refscope: %s\n  python3:  %s" % (last_line(err), want["stderr_last"]))
    if "AddressSanitizer" in err or "runtime error:" in err or "LeakSanitizer" in err or "refscope: leak" in err:
        problems.append("sanitizer report:\n" + "\n".join(err.splitlines()[:30]))
    return name, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "build", "refscope"))
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--label", default="scripts")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    names = args.names or sorted(n for n in os.listdir(SCRIPTS) if n.endswith(".py") and not n.startswith("mod_"))
    if os.environ.get("RS_GC_STRESS"):
        # scripts that observe when automatic collections happen cannot run under stress
        def observes_timing(n):
            with open(os.path.join(SCRIPTS, n), encoding="utf-8", errors="replace") as f:
                return "gc-stress: skip" in f.read()
        names = [n for n in names if not observes_timing(n)]
    passed = failed = 0
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for name, problems in ex.map(lambda n: run_one(binary, n, args.timeout), names):
            if problems:
                failed += 1
                print("FAIL %s" % name)
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
            else:
                passed += 1
    print("%s: %d passed, %d failed" % (args.label, passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
