#!/usr/bin/env python3
"""Replays every input of tests/crashers (what fuzzing found: each once crashed, hung or leaked) through the
ASan/UBSan build, under the limits the fuzzers use: each must end as a program ends (exit status 0 or 1, stdout
and a traceback or error message), with no signal, no sanitizer report and no leak. Inputs need not be valid
Python, nor valid UTF-8. Usage: test_crashers.py BUILD/refscope-debug. Ends with "crashers: N passed, M failed"."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CRASHERS = os.path.join(HERE, "crashers")
SANITIZER = ("AddressSanitizer", "LeakSanitizer", "runtime error:", "refscope: leak")
# tools/fuzz/sandbox.h's limits
LIMITS = ["--memory-limit", "64M", "--step-limit", "200000", "--max-open-files", "16"]


def replay(binary, path, scratch):
    """Runs one input in an empty directory of its own (a generated program may write files); returns a problem
    or None."""
    work = os.path.join(scratch, os.path.basename(path) + ".d")
    os.makedirs(work)
    shutil.copy(path, os.path.join(work, "fuzz.py"))
    try:
        p = subprocess.run([binary] + LIMITS + ["fuzz.py"], cwd=work, capture_output=True, timeout=120,
                           env=dict(os.environ, ASAN_OPTIONS="detect_leaks=1"))
    except subprocess.TimeoutExpired:
        return "hung (no end after 120 s)"
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        return f"killed by signal {-p.returncode}\n{err[-2000:]}"
    if any(s in err for s in SANITIZER):
        return "sanitizer report:\n" + err[-3000:]
    if p.returncode not in (0, 1):
        return f"exit status {p.returncode}\n{err[-2000:]}"
    return None


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/refscope-debug")
    inputs = sorted(os.path.join(CRASHERS, n) for n in os.listdir(CRASHERS) if not n.startswith(".") and n != "README.md")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for path in inputs:
            problem = replay(binary, path, scratch)
            if problem:
                failed += 1
                print(f"FAIL {os.path.basename(path)}: {problem}")
            else:
                passed += 1
    print(f"crashers: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
