#!/usr/bin/env python3
"""Runs a sample of the golden scripts under valgrind's memcheck, on a build with no sanitizer whose every block
comes from malloc (RS_MEM_DIRECT), so that memcheck sees each object: no invalid read or write, no use of an
uninitialised value, no block definitely lost, and the output still python3's. The sample covers the collector,
finalizers, weak references, generators, exceptions and tracebacks, files, the exit, bad input and deep structures.
Usage: test_valgrind.py BUILD/refscope-memcheck. Ends with "valgrind: N passed, M failed"."""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "scripts")
SAMPLE = [
    "seed_faq_cycle_del.py", "seed_faq_traceback.py", "seed_faq_close.py", "gc_cycles_basic.py",
    "gc_finalizers_cycles.py", "gc_generations.py", "gc_traceback_cycle.py", "weakref_callbacks_order.py",
    "weakref_key_dict.py", "gen_throw_close.py", "exceptions_nested_handlers.py", "files_open_close.py",
    "shutdown_globals_order.py", "class_creation.py", "bad_input_syntax_errors.py", "algo_classes_bank.py",
]
VALGRIND = ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--leak-check=full",
            "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite", "--quiet"]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/refscope-memcheck")
    if not shutil.which("valgrind"):
        print("valgrind: not installed (tools/deps.sh installs it)")
        print("valgrind: 0 passed, 1 failed")
        sys.exit(1)
    passed = failed = 0
    for name in SAMPLE:
        base = os.path.join(SCRIPTS, name[:-3])
        with open(base + ".out", encoding="utf-8") as f:
            want = f.read()
        p = subprocess.run(VALGRIND + [binary, name], cwd=SCRIPTS, capture_output=True, timeout=600,
                           env=dict(os.environ, PYTHONHASHSEED="0"))
        err = p.stderr.decode("utf-8", "replace")
        problems = []
        if p.returncode == 99 or "==" in err and ("Invalid" in err or "uninitialised" in err or "definitely lost" in err):
            problems.append("memcheck:\n" + "\n".join([l for l in err.splitlines() if l.startswith("==")][:40]))
        if p.stdout.decode("utf-8", "replace") != want:
            problems.append("stdout differs from python3's")
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "\n".join(problems))
        else:
            passed += 1
    print(f"valgrind: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
