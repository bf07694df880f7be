#!/usr/bin/env python3
"""Tests of the refscope command line: options, exit statuses, standard
input, sys.argv, and the interactive prompt on a real pseudo-terminal.
Ends with the line "cli: N passed, M failed"."""
import os
import pty
import select
import subprocess
import sys
import tempfile
import time

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/refscope")
results = []


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def run(args, stdin=b"", cwd=None):
    return subprocess.run([BIN] + args, input=stdin, capture_output=True, timeout=30, cwd=cwd)


p = run(["--version"])
check("--version", p.returncode == 0 and p.stdout.startswith(b"refscope "), p.stdout)
p = run(["--help"])
check("--help", p.returncode == 0 and b"usage: refscope" in p.stdout, p.stdout[:80])
p = run(["--no-such-option"])
check("unknown option is a usage error", p.returncode == 2 and b"unknown option" in p.stderr, p.stderr)
p = run(["-c"])
check("-c without code is a usage error", p.returncode == 2, p.stderr)
p = run(["/no/such/script.py"])
check("missing script: exit 2 like python3", p.returncode == 2 and b"No such file or directory" in p.stderr, p.stderr)
p = run(["-c", "print(6 * 7)"])
check("-c runs code", p.returncode == 0 and p.stdout == b"42\n", p.stdout)
p = run(["-c", "import sys; print(sys.argv)", "a", "b"])
check("-c sets sys.argv", p.stdout == b"['-c', 'a', 'b']\n", p.stdout)
p = run([], stdin=b"print('from stdin')\n")
check("script on standard input", p.stdout == b"from stdin\n", p.stdout)
p = run(["-"], stdin=b"import sys\nprint(sys.argv)\n")
check("'-' reads standard input", p.stdout == b"['-']\n", p.stdout)
p = run(["-c", "raise SystemExit(7)"])
check("SystemExit(7) exits 7", p.returncode == 7, p.returncode)
p = run(["-c", "import sys; sys.exit('bye')"])
check("sys.exit(str) prints it and exits 1", p.returncode == 1 and p.stderr == b"bye\n", p.stderr)
p = run(["-c", "1/0"])
check("uncaught exception exits 1 with a traceback", p.returncode == 1 and p.stderr.startswith(b"Traceback (most recent call last):")
      and p.stderr.endswith(b"ZeroDivisionError: division by zero\n"), p.stderr)
p = run(["-c", "x = (1,"])
check("syntax error exits 1", p.returncode == 1 and b"SyntaxError: '(' was never closed" in p.stderr, p.stderr)
p = run(["--memory-limit", "2M", "-c", "x = []\nwhile True: x.append('a' * 1000)"])
check("--memory-limit gives MemoryError", p.returncode == 1 and p.stderr.strip().endswith(b"MemoryError"), p.stderr[-200:])
p = run(["--recursion-limit", "60", "-c", "import sys; print(sys.getrecursionlimit())"])
check("--recursion-limit", p.stdout == b"60\n", p.stdout)
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "helper.py"), "w") as f:
        f.write("NAME = 'helper'\n")
    with open(os.path.join(d, "main.py"), "w") as f:
        f.write("import sys, helper\nprint(helper.NAME, sys.argv[1:])\n")
    p = run([os.path.join(d, "main.py"), "x"], cwd="/")
    check("imports a sibling module of the script", p.stdout == b"helper ['x']\n", p.stdout + p.stderr)


def interact(lines, timeout=10):
    """Runs the prompt on a pseudo-terminal, typing the lines; returns everything it printed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(BIN, [BIN])
    out = b""
    deadline = time.time() + timeout
    for line in lines + [None]:
        # wait for a prompt
        while time.time() < deadline and not (out.endswith(b">>> ") or out.endswith(b"... ")):
            r, _, _ = select.select([fd], [], [], 0.2)
            if r:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
        if line is None:
            os.write(fd, b"\x04")
        else:
            os.write(fd, line.encode() + b"\n")
            out += b"\x00"  # separates what came before from the echo and answer
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if not r:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.replace(b"\r\n", b"\n")


out = interact(["1 + 2", "x = 10", "def f(n):", "    return n * x", "", "f(4)", "1/0", "print('still here')"])
check("prompt evaluates expressions", b"\n3\n" in out, out)
check("prompt continues compound statements with ...", b"... " in out, out)
check("prompt runs what was defined", b"\n40\n" in out, out)
check("prompt survives an error", b"ZeroDivisionError" in out and b"still here" in out, out)
out = interact(["import sys", "sys.last_value", "undefined_name", "sys.last_type"])
check("sys.last_type after an error at the prompt", b"<class 'NameError'>" in out, out)

passed = sum(1 for _, ok, _ in results if ok)
for name, ok, detail in results:
    if not ok:
        print("FAIL %s\n  %r" % (name, detail))
print("cli: %d passed, %d failed" % (passed, len(results) - passed))
sys.exit(0 if passed == len(results) else 1)
