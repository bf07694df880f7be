#!/usr/bin/env python3
"""The oracle: records what CPython (python3) prints for every golden script
in tests/scripts, as NAME.out (stdout) and NAME.status (exit status and the
last line of stderr). With --check, re-runs python3 and reports scripts whose
recorded expectations no longer match it. refscope's output is never used."""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.normpath(os.path.join(HERE, "..", "tests", "scripts"))


def normalize_stderr(text, scripts_dir):
    """Makes stderr comparable across machines: no absolute paths, no addresses, no timings."""
    text = text.replace(scripts_dir + os.sep, "")
    text = re.sub(r"\d+\.\d+s elapsed", "N.NNNNs elapsed", text)  # gc.DEBUG_STATS timings
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


def oracle(name):
    base = os.path.join(SCRIPTS, name[:-3])
    stdin = b""
    if os.path.exists(base + ".in"):
        with open(base + ".in", "rb") as f:
            stdin = f.read()
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    p = subprocess.run(["python3", name], cwd=SCRIPTS,
                       input=stdin, capture_output=True, timeout=120, env=env)
    stderr = p.stderr.decode("utf-8", "replace")
    err = [l for l in stderr.splitlines() if l.strip()]
    status = {"exit": p.returncode, "stderr_last": normalize_stderr(err[-1], SCRIPTS) if err else "",
              "stderr": normalize_stderr(stderr, SCRIPTS)}
    return p.stdout.decode("utf-8"), status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="compare the recorded expectations with python3")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        print("oracle: python3 is %d.%d; the expectations are CPython 3.11's" % sys.version_info[:2], file=sys.stderr)
    names = args.names or sorted(n for n in os.listdir(SCRIPTS) if n.endswith(".py") and not n.startswith("mod_"))
    bad = 0
    for name in names:
        out, status = oracle(name)
        base = os.path.join(SCRIPTS, name[:-3])
        if args.check:
            try:
                with open(base + ".out", encoding="utf-8") as f:
                    rec_out = f.read()
                with open(base + ".status", encoding="utf-8") as f:
                    rec_status = json.load(f)
            except FileNotFoundError:
                print("missing expectations: %s" % name)
                bad += 1
                continue
            if rec_out != out or rec_status != status:
                print("stale expectations: %s" % name)
                bad += 1
        else:
            with open(base + ".out", "w", encoding="utf-8") as f:
                f.write(out)
            with open(base + ".status", "w", encoding="utf-8") as f:
                json.dump(status, f)
                f.write("\n")
    if args.check:
        print("oracle: %d scripts checked against python3, %d stale" % (len(names), bad))
    else:
        print("oracle: expectations of %d scripts recorded from python3" % len(names))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
