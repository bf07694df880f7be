#!/usr/bin/env bash
# Installs what refscope's build and tests need and is missing, idempotently:
# a C compiler and make, Criterion (unit tests), python3 (the oracle and the
# golden-test runner) and its jsonschema package (checks the stats JSON), Emscripten and Node.js (the
# WebAssembly build and its npm package), valgrind (a memcheck sample). Packages come from Debian; nothing is downloaded
# otherwise. Run as root (as CI and the developer machines are), or with sudo.
set -euo pipefail

need=()
command -v cc >/dev/null 2>&1 || need+=(gcc)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
[ -f /usr/include/criterion/criterion.h ] || need+=(libcriterion-dev)
# (the tests fall back on Debian's package when python3 is another build, a pyenv one say)
if ! python3 -c "import jsonschema" >/dev/null 2>&1 && [ ! -d /usr/lib/python3/dist-packages/jsonschema ]; then
    need+=(python3-jsonschema)
fi
# Emscripten (Debian's, with binaryen) for `make wasm`, and Node.js 18+ for the package's tests
command -v emcc >/dev/null 2>&1 || need+=(emscripten binaryen)
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 18 ]; then
    need+=(nodejs)
fi
command -v npm >/dev/null 2>&1 || need+=(npm)
# valgrind, for the memcheck sample of `make test`
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
# GNU time, for the peak RSS in `make bench`
[ -x /usr/bin/time ] || need+=(time)
# a real browser for the package's browser test (driven by playwright-core, from npm)
[ -x /usr/bin/chromium ] || need+=(chromium)
# clang's sanitizer runtime, for `make test CC=clang`
if command -v clang >/dev/null 2>&1 && ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.asan-x86_64.a >/dev/null 2>&1; then
    need+=(libclang-rt-14-dev)
fi

# The npm packages the tests use (package-lock.json), installed when the lockfile changed since the last npm ci.
npm_deps() {
    cd "$(dirname "$0")/.."
    local stamp=node_modules/.installed-from-lock
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(sha256sum < package-lock.json)" ]; then
        return 0
    fi
    echo "deps: npm ci"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    sha256sum < package-lock.json > "$stamp"
}

if [ ${#need[@]} -eq 0 ]; then
    npm_deps
    echo "deps: everything is installed"
    exit 0
fi

echo "deps: installing ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "deps: not root and no sudo; run: apt-get update && apt-get install -y ${need[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q "${need[@]}" >/dev/null 2>&1; then
    $SUDO apt-get update -q >/dev/null
    $SUDO apt-get install -y -q "${need[@]}" >/dev/null || {
        echo "deps: could not install; run: apt-get update && apt-get install -y ${need[*]}" >&2
        exit 1
    }
fi
npm_deps
echo "deps: done"
