#!/usr/bin/env bash
# The demo: the seed FAQ's Resource loop (a pool of 16 handles, 20,000
# iterations of `x = Resource(name)`) under refscope's cpython model, beside
# CPython itself when python3 is installed. The host-GC models (jvm, clr,
# boehm) join this comparison as they land.
set -euo pipefail
BIN=${1:-build/refscope}
cd "$(dirname "$0")/.."
script=examples/resource_pool.py
echo "== $script"
echo "-- refscope (cpython model: reference counting + cycle collector)"
"$BIN" "$script"
if command -v python3 >/dev/null 2>&1; then
    echo "-- python3 $(python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') (the oracle)"
    python3 "$script"
fi
