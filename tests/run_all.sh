#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, M failed" over all of them.
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
total_pass=0
total_fail=0
add() { total_pass=$((total_pass + $1)); total_fail=$((total_fail + $2)); }
# Adds the counts of a "...: N passed, M failed" line (a missing line counts as a failure).
add_line() {
    local p f
    p=$(echo "$1" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\1/p')
    f=$(echo "$1" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed/\2/p')
    if [ -z "$p" ]; then p=0; f=1; fi
    add "$p" "$f"
}

# Runs node --test on a folder and adds its "# pass N" / "# fail M" counts (a crash counts as a failure).
add_node_tests() {
    local out rc p f
    out=$(REFSCOPE_BUILD="$BUILD" node --test "$1" 2>&1); rc=$?
    echo "$out" | grep -E "^not ok|^# (pass|fail)" | tail -n 30
    p=$(echo "$out" | sed -n 's/^# pass \([0-9]*\)/\1/p'); f=$(echo "$out" | sed -n 's/^# fail \([0-9]*\)/\1/p')
    if [ -z "$p" ]; then p=0; f=1; fi
    [ $rc -ne 0 ] && [ "${f:-0}" = 0 ] && f=1
    add "$p" "${f:-0}"
}

echo "== unit tests (Criterion, ASan/UBSan)"
out=$("$BUILD/unit-tests" -j2 2>&1); rc=$?
echo "$out" | grep -E "^\[----\]|Synthesis|FAIL|Assertion|failed" | grep -v "^\[----\].*$" | tail -20
syn=$(echo "$out" | grep -E "Synthesis" | tail -1)
echo "$syn"
p=$(echo "$syn" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p'); f=$(echo "$syn" | sed -n 's/.*Failing: \([0-9]*\).*/\1/p'); c=$(echo "$syn" | sed -n 's/.*Crashing: \([0-9]*\).*/\1/p')
if [ -z "$p" ]; then p=0; f=1; c=0; fi
[ $rc -ne 0 ] && [ "${f:-0}" = 0 ] && [ "${c:-0}" = 0 ] && f=1
add "$p" "$(( ${f:-0} + ${c:-0} ))"

for variant in refscope refscope-debug stress1 stress2; do
    echo "== golden scripts: $variant"
    case $variant in
        stress1) out=$(RS_GC_STRESS=1 python3 tests/run_scripts.py --binary "$BUILD/refscope-debug" --label "gc stress (gen 0 before every allocation)" 2>&1) ;;
        stress2) out=$(RS_GC_STRESS=2 python3 tests/run_scripts.py --binary "$BUILD/refscope-debug" --timeout 300 --label "gc stress (full collection before every allocation)" 2>&1) ;;
        *) out=$(python3 tests/run_scripts.py --binary "$BUILD/$variant" --label "$variant" 2>&1) ;;
    esac
    echo "$out" | tail -n 60
    add_line "$(echo "$out" | tail -1)"
done

echo "== stats, events and compare (ASan/UBSan build)"
out=$(python3 tests/test_observe.py "$BUILD/refscope-debug" 2>&1)
echo "$out" | tail -n 20
add_line "$(echo "$out" | tail -1)"

echo "== fuzzing finds, replayed (tests/crashers, ASan/UBSan build)"
out=$(python3 tests/test_crashers.py "$BUILD/refscope-debug" 2>&1)
echo "$out" | tail -n 20
add_line "$(echo "$out" | tail -1)"

echo "== a sample of golden scripts under valgrind (memcheck build)"
out=$(python3 tests/test_valgrind.py "$BUILD/refscope-memcheck" 2>&1)
echo "$out" | tail -n 20
add_line "$(echo "$out" | tail -1)"

echo "== host-GC models: rules, examples, golden scripts under ASan"
out=$(python3 tests/test_models.py "$BUILD" 2>&1)
echo "$out" | tail -n 30
add_line "$(echo "$out" | tail -1)"

echo "== the npm package (wasm/, node --test tests/node)"
add_node_tests tests/node/

echo "== the playground in Chromium (web/dist, node --test tests/web)"
add_node_tests tests/web/

echo "== command line"
out=$(python3 tests/test_cli.py "$BUILD/refscope" 2>&1)
echo "$out" | tail -n 20
add_line "$(echo "$out" | tail -1)"

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
