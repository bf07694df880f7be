#!/usr/bin/env python3
"""make bench: every tools/bench/scripts/*.py under CPython (the anchor),
refscope native, refscope's WebAssembly build in Node (the package's bin) and
pypy3 when installed. The runners take turns on each repetition (the order
rotating), so a machine that drifts slows them alike; the table gives
whole-process wall-clock medians, ratios, their geometric means and peak RSS.
Every runner's output must equal CPython's (each script prints a checksum).
Then the package's size and its start-up (import to first result, fresh Node
processes), and the issue's targets, each marked met or missed.

Writes docs/benchmarks.md (the README links it). Benchmarks report; they
never fail a build. BENCH_REPS (default 7), PYTHON (the CPython to compare
against), BENCH_ONLY (a comma-separated list of script names) and BENCH_VERBOSE (print every run's time)
adjust a run."""
import gzip
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(HERE, "scripts")
NATIVE = os.path.join(ROOT, "build", "refscope")
WASM_RUN = os.path.join(HERE, "wasm_run.mjs")
WASM_CORE = os.path.join(ROOT, "wasm", "dist", "refscope-core.wasm")
REPORT = os.path.join(ROOT, "docs", "benchmarks.md")
REPS = int(os.environ.get("BENCH_REPS", "7"))
STARTUP_RUNS = 11

# The scripts whose peak RSS is held against CPython's, and the two held to 1.0x on time.
ALLOCATION_HEAVY = ("alloc_trees.py", "cycle_churn.py", "full_collect.py")
COLLECTOR_BOUND = ("full_collect.py", "cycle_churn.py")


def cpython():
    """Debian's python3 (the one tools/deps.sh installs, built with PGO and LTO) unless PYTHON names another:
    a version manager's shim would add its own start-up to every run."""
    chosen = os.environ.get("PYTHON") or ("/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3")
    return subprocess.run([chosen, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True).stdout.strip()


RUN_MS = re.compile(rb"refscope-wasm-run-ms ([0-9.]+)")


def timed(cmd, rss_file):
    """Runs cmd; returns (wall seconds, peak RSS KiB, stdout, exit status, in-process seconds when the runner
    reports them). GNU time reports the peak RSS: a child's own rusage from here would include the pages of this
    Python it was forked from."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    with open(rss_file) as f:
        lines = f.read().split()
    run = RUN_MS.search(p.stderr)
    return wall, int(lines[-1]) if lines and lines[-1].isdigit() else 0, p.stdout, p.returncode, float(run.group(1)) / 1000 if run else None


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def node_startup_ms():
    """Median of fresh Node processes: import of the package, createRuntime and the result of an empty run."""
    probe = (
        "const t0 = performance.now();"
        "const { createRuntime } = await import(process.argv[1]);"
        "const rt = await createRuntime();"
        "const r = rt.run('pass');"
        "if (r.exitCode !== 0) process.exit(1);"
        "console.log(performance.now() - t0);"
    )
    entry = "file://" + os.path.join(ROOT, "wasm", "index.js")
    times = []
    for _ in range(STARTUP_RUNS):
        p = subprocess.run(["node", "--input-type=module", "-e", probe, entry], capture_output=True, text=True)
        if p.returncode != 0:
            return None
        times.append(float(p.stdout.strip()))
    return statistics.median(times)


def pypy_version(pypy):
    lines = subprocess.run([pypy, "--version"], capture_output=True, text=True).stdout.splitlines()
    return lines[-1].strip("[]") if lines else "pypy3"


def main():
    python = cpython()
    python_version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
    runners = [("python3", [python]), ("refscope", [NATIVE])]
    have_wasm = shutil.which("node") and os.path.exists(WASM_CORE)
    if have_wasm:
        runners.append(("wasm", ["node", WASM_RUN]))
    pypy = shutil.which("pypy3")
    if pypy:
        runners.append(("pypy3", [pypy]))
    names = [n for n, _ in runners]

    only = [s for s in os.environ.get("BENCH_ONLY", "").split(",") if s]
    scripts = sorted(f for f in os.listdir(SCRIPTS) if f.endswith(".py") and (not only or f[:-3] in only or f in only))
    rss_file = os.path.join(tempfile.mkdtemp(prefix="refscope-bench-"), "rss")
    results = {}
    differs = set()  # scripts whose checksum pypy3 printed differently
    for index, script in enumerate(scripts):
        path = os.path.join(SCRIPTS, script)
        walls = {n: [] for n in names}
        runs = []  # the wasm runs' own times, in-process
        peaks = {n: 0 for n in names}
        outputs = {}
        for rep in range(REPS):
            shift = rep % len(runners)
            for name, cmd in runners[shift:] + runners[:shift]:
                wall, peak, out, status, run = timed(cmd + [path], rss_file)
                walls[name].append(wall)
                if name == "wasm" and run is not None:
                    runs.append(run)
                peaks[name] = max(peaks[name], peak)
                outputs[name] = out if status == 0 else b"exit status %d" % status
        for name in names:
            if outputs[name] != outputs["python3"]:
                message = "%s: %s printed %r, python3 printed %r" % (script, name, outputs[name], outputs["python3"])
                if name != "pypy3":
                    sys.exit(message)
                # PyPy is a host-GC Python: when a collection's timing shows in the checksum, that is its nature.
                print(message, file=sys.stderr)
                differs.add(script)
        if os.environ.get("BENCH_VERBOSE"):
            for n in names:
                print("  %s: %s" % (n, " ".join("%.3f" % w for w in walls[n])), file=sys.stderr)
        results[script] = ({n: statistics.median(walls[n]) for n in names}, peaks)
        if runs:
            results[script][0]["wasm run"] = statistics.median(runs)
        medians = results[script][0]
        print("[%d/%d] %s: %s" % (index + 1, len(scripts), script, ", ".join("%s %.3f s" % (n, medians[n]) for n in names)),
              file=sys.stderr, flush=True)

    def ratio(script, a, b):
        medians = results[script][0]
        return medians[a] / medians[b]

    header = "| script | python3 s | refscope s | refscope / python3 |"
    rule = "|---|---:|---:|---:|"
    if have_wasm:
        header += " wasm s | wasm / native | wasm run s | run / native |"
        rule += "---:|---:|---:|---:|"
    if pypy:
        header += " pypy3 s | pypy3 / python3 |"
        rule += "---:|---:|"
    header += " peak RSS python3 | refscope |"
    rule += "---:|---:|"
    lines = [header, rule]
    for script in scripts:
        medians, peaks = results[script]
        row = "| %s | %.3f | %.3f | %.2f |" % (script[:-3], medians["python3"], medians["refscope"], ratio(script, "refscope", "python3"))
        if have_wasm:
            row += " %.3f | %.2f | %.3f | %.2f |" % (medians["wasm"], ratio(script, "wasm", "refscope"), medians["wasm run"],
                                                    ratio(script, "wasm run", "refscope"))
        if pypy:
            row += " %.3f%s | %.2f |" % (medians["pypy3"], " (differs)" if script in differs else "", ratio(script, "pypy3", "python3"))
        row += " %.1f MiB | %.1f MiB |" % (peaks["python3"] / 1024, peaks["refscope"] / 1024)
        lines.append(row)
    native_ratios = [ratio(s, "refscope", "python3") for s in scripts]
    geo = "| **geometric mean** | | | **%.2f** |" % geomean(native_ratios)
    if have_wasm:
        geo += " | **%.2f** | | **%.2f** |" % (geomean([ratio(s, "wasm", "refscope") for s in scripts]),
                                               geomean([ratio(s, "wasm run", "refscope") for s in scripts]))
    if pypy:
        geo += " | **%.2f** |" % geomean([ratio(s, "pypy3", "python3") for s in scripts])
    geo += " | |"
    lines.append(geo)

    # The package: the wasm's size as shipped compressed, and how soon a first result comes.
    size_line, startup = None, None
    if have_wasm:
        raw = open(WASM_CORE, "rb").read()
        gz = len(gzip.compress(raw, 9))
        size_line = (len(raw), gz)
        startup = node_startup_ms()

    def mark(ok):
        return "met" if ok else "**missed**"

    targets = []
    if len(scripts) > 1:
        worst = max(scripts, key=lambda s: ratio(s, "refscope", "python3"))
        targets.append(("native geometric mean of time <= 1.0x python3", "%.2fx" % geomean(native_ratios), geomean(native_ratios) <= 1.0))
        targets.append(("no script above 1.5x python3", "%s %.2fx" % (worst[:-3], ratio(worst, "refscope", "python3")),
                        ratio(worst, "refscope", "python3") <= 1.5))
    for s in COLLECTOR_BOUND:
        if s in results:
            targets.append(("%s <= 1.0x python3" % s[:-3], "%.2fx" % ratio(s, "refscope", "python3"), ratio(s, "refscope", "python3") <= 1.0))
    for s in ALLOCATION_HEAVY:
        if s in results:
            _, peaks = results[s]
            targets.append(("%s peak RSS <= python3's" % s[:-3], "%.1f vs %.1f MiB" % (peaks["refscope"] / 1024, peaks["python3"] / 1024),
                            peaks["refscope"] <= peaks["python3"]))
    if have_wasm:
        wasm_geo = geomean([ratio(s, "wasm", "refscope") for s in scripts])
        run_geo = geomean([ratio(s, "wasm run", "refscope") for s in scripts])
        targets.append(("wasm in Node <= 1.6x native (geometric mean)", "%.2fx whole process; the run alone %.2fx" % (wasm_geo, run_geo),
                        wasm_geo <= 1.6))
        targets.append(("wasm gzip size <= 300 KB", "%.1f KB (%.1f KB raw)" % (size_line[1] / 1000, size_line[0] / 1000), size_line[1] <= 300000))
        if startup is not None:
            targets.append(("import to first result in Node <= 50 ms", "%.1f ms" % startup, startup <= 50))

    machine = "%s, %d cores, %s" % (platform.machine(), os.cpu_count(), platform.platform(terse=True))
    text = ["# Benchmarks", "",
            "`make bench` on %s. %s (`%s`) is the anchor; refscope native is `build/refscope`; wasm is the npm package "
            "in Node %s, a fresh runtime per process (tools/bench/wasm_run.mjs): \"wasm s\" is the whole process, "
            "\"wasm run s\" the run alone, without Node's and the package's start-up%s. Whole-process wall-clock medians of "
            "%d runs per runner, the runners taking turns; every runner printed python3's checksum. Peak RSS is the "
            "largest of the runs." % (
                time.strftime("%Y-%m-%d"), python_version, python,
                subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if have_wasm else "-",
                ("; pypy3 is " + pypy_version(pypy) if pypy else ""),
                REPS),
            "", "Machine: " + machine + ".", ""]
    text += lines
    text += ["", "## Targets", "", "| target | measured | |", "|---|---|---|"]
    text += ["| %s | %s | %s |" % (what, value, mark(ok)) for what, value, ok in targets]
    if differs:
        text += ["", "(differs): pypy3's output was not python3's, its collector having run at other moments (a weak "
                 "reference still alive after gc.collect()); its time is shown all the same."]
    text += ["", "The scripts are in [tools/bench/scripts](../tools/bench/scripts); each says at its top what it exercises. "
             "What lies behind the figures, and what would move them: [performance.md](performance.md)."]
    report = "\n".join(text) + "\n"
    print(report)
    if not only:
        os.makedirs(os.path.dirname(REPORT), exist_ok=True)
        with open(REPORT, "w") as f:
            f.write(report)
        print("written to " + os.path.relpath(REPORT, ROOT), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
