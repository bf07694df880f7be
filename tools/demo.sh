#!/usr/bin/env bash
# The demo: the seed FAQ's cases (examples/) under every model side by side,
# with refscope --compare: each model's output, the memory manager's stats, and
# what differs from CPython's reference counting (finalizers that ran later or
# never, peaks, files left open). python3 runs first, as the oracle for the
# cpython column.
set -euo pipefail
BIN=${1:-build/refscope}
cd "$(dirname "$0")/.."
MODELS=cpython,jvm,clr,boehm
examples=(resource_loop resource_close resource_with files_unclosed traceback_locals cycle_del weakref_cache)
for name in "${examples[@]}"; do
    script=examples/$name.py
    echo "################ $script"
    sed -n '1,/^$/p' "$script" | sed -n 's/^# \{0,1\}//p'
    if command -v python3 >/dev/null 2>&1; then
        echo "== python3 $(python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') (the oracle for the cpython model)"
        python3 "$script"
    fi
    "$BIN" --compare "$MODELS" "$script"
    echo
done
