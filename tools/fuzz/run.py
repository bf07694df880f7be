#!/usr/bin/env python3
"""make fuzz: runs each libFuzzer harness of tools/fuzz (built by `make fuzz-build` into BUILD/fuzz) for a set time,
then reports what was done: executions, CPU seconds, coverage, and the inputs that crashed, hung or ran out of
memory (libFuzzer's artifacts, kept in BUILD/fuzz/artifacts/; each worker's log in BUILD/fuzz/logs/).

Each harness keeps its corpus in BUILD/fuzz/corpus/NAME, so a second `make fuzz` goes on where the first stopped.
A new corpus starts from the golden scripts (tests/scripts) and the crash regressions (tests/crashers). The workers
(one per core by default) share the corpus; one that stops at a crash is replaced, so one run can find several.

A crash becomes a regression test: fix it, then copy the input into tests/crashers/ (`make test` replays every file
there under the ASan build). Options: --seconds (each harness), --workers, --only NAME[,NAME]."""
import argparse
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SEEDS = [os.path.join(ROOT, "tests", "scripts"), os.path.join(ROOT, "tests", "crashers")]
# A program of the corpus is at most this long; the longest golden script is about 12 KB.
MAX_LEN = 16384


def seed(corpus):
    """A new corpus gets the golden scripts and the crash regressions."""
    if os.path.isdir(corpus) and os.listdir(corpus):
        return
    os.makedirs(corpus, exist_ok=True)
    for folder in SEEDS:
        for path in sorted(glob.glob(os.path.join(folder, "*"))):
            if os.path.isfile(path) and (path.endswith(".py") or folder.endswith("crashers")) and not path.endswith(".md"):
                shutil.copy(path, corpus)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fuzz(binary, build, seconds, workers):
    """Runs `workers` fuzzer processes on the harness's corpus until the time is up; a process that stops early (a
    crash, a hang, an input past the memory limit) is replaced by a fresh one."""
    name = os.path.basename(binary)
    corpus = os.path.join(build, "fuzz", "corpus", name)
    artifacts = os.path.join(build, "fuzz", "artifacts")
    logs = os.path.join(build, "fuzz", "logs")
    os.makedirs(artifacts, exist_ok=True)
    os.makedirs(logs, exist_ok=True)
    seed(corpus)
    before = set(os.listdir(artifacts))
    print(f"fuzz: {name} for {seconds} s on {workers} worker(s); logs in {os.path.relpath(logs, ROOT)}", flush=True)
    cpu = children_cpu()
    started = time.time()
    deadline = started + seconds
    running, texts, count = [], [], 0

    def start():
        nonlocal count
        count += 1
        log_path = os.path.join(logs, f"{name}-{count}.log")
        left = max(1, int(deadline - time.time()))
        args = [binary, corpus, f"-max_total_time={left}", f"-max_len={MAX_LEN}", "-timeout=20",
                "-rss_limit_mb=2048", f"-artifact_prefix={artifacts}/{name}-", "-print_final_stats=1"]
        log = open(log_path, "w")
        running.append((subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT), log, log_path))

    for _ in range(workers):
        start()
    while running:
        time.sleep(0.5)
        for entry in list(running):
            process, log, log_path = entry
            if process.poll() is None:
                continue
            running.remove(entry)
            log.close()
            texts.append(open(log_path, errors="replace").read())
            if time.time() < deadline - 2:
                start()
    wall = time.time() - started
    cpu = children_cpu() - cpu
    executions = sum(int(n) for t in texts for n in re.findall(r"stat::number_of_executed_units: (\d+)", t))
    coverage = [int(n) for t in texts for n in re.findall(r"cov: (\d+)", t)]
    found = sorted(set(os.listdir(artifacts)) - before)
    return {"name": name, "wall": wall, "cpu": cpu, "executions": executions,
            "coverage": max(coverage, default=0), "corpus": len(os.listdir(corpus)), "found": found}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    binaries = sorted(glob.glob(os.path.join(build, "fuzz", "fuzz_*")))
    binaries = [b for b in binaries if os.path.isfile(b) and os.access(b, os.X_OK)]
    if args.only:
        binaries = [b for b in binaries if os.path.basename(b) in args.only.split(",")]
    if not binaries:
        sys.exit("fuzz: no harness built; run `make fuzz-build` (it needs clang)")
    results = [fuzz(b, build, args.seconds, args.workers) for b in binaries]
    print(f"\n{'harness':<14} {'wall s':>7} {'CPU s':>7} {'executions':>11} {'coverage':>9} {'corpus':>7}  found")
    for r in results:
        found = ", ".join(r["found"]) if r["found"] else "nothing"
        print(f"{r['name']:<14} {r['wall']:>7.0f} {r['cpu']:>7.0f} {r['executions']:>11} {r['coverage']:>9} "
              f"{r['corpus']:>7}  {found}")
    crashes = sum(len(r["found"]) for r in results)
    if crashes:
        print(f"\nfuzz: {crashes} input(s) in {os.path.relpath(os.path.join(build, 'fuzz', 'artifacts'), ROOT)}: "
              "replay one with the harness binary and the file as its argument")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
