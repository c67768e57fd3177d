#!/usr/bin/env bash
# Benchmark smoke for CI: fails only on something deterministic.
#  1. heap allocations per routed UIM (valgrind memcheck's "total heap usage", 3 passes minus 1 pass over the same
#     UIMs, party-only and with fields): must be 0 — a per-UIM allocation would add thousands.
#  2. instructions per routed UIM (callgrind, same subtraction): the automaton router must not exceed the naive scan.
# Usage: Scripts/bench-smoke.sh [path/to/uim-router]   (default .build/release/uim-router)
set -euo pipefail
cd "$(dirname "$0")/.."
# A serial registry build: with threads, the build's own allocations vary run to run and would blur the difference.
export UIM_ROUTER_BUILD_THREADS=1
bin="${1:-.build/release/uim-router}"
input=Samples/seized-uims.txt
uims=$(wc -l < "$input")
if ! command -v valgrind > /dev/null; then
    (apt-get update -qq && apt-get install -y -qq valgrind) > /dev/null 2>&1 || true
fi
command -v valgrind > /dev/null || { echo "bench smoke: valgrind missing (apt-get install valgrind)"; exit 1; }

allocs() {   # allocs ENGINE REPEAT [--fields]
    valgrind --tool=memcheck --leak-check=no "$bin" bench --date 2026-06-01 --engine "$1" --repeat "$2" ${3:-} \
        "$input" 2>&1 >/dev/null | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}
instructions() {   # instructions ENGINE REPEAT
    local out; out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" bench --date 2026-06-01 --engine "$1" \
        --repeat "$2" "$input" > /dev/null 2>&1
    sed -n 's/^summary: \([0-9]*\).*/\1/p' "$out"
    rm -f "$out"
}

# Valgrind cannot read the DWARF 5 debug info of Swift binaries: run a copy without it.
stripped=$(mktemp)
trap 'rm -f "$stripped"' EXIT
objcopy --strip-debug "$bin" "$stripped"
chmod +x "$stripped"
bin="$stripped"

status=0
for fields in "" --fields; do
    one=$(allocs router 1 $fields); three=$(allocs router 3 $fields)
    extra=$(( three - one ))
    # Two more passes route 2 × uims UIMs; the harness itself may grow a small array (≤ 4 allocations).
    echo "bench smoke: router ${fields:-party-only}: $extra heap allocations over $(( 2 * uims )) extra routed UIMs"
    if [ "$extra" -gt 4 ]; then echo "bench smoke: FAIL: routing allocates"; status=1; fi
done
router=$(( ($(instructions router 6) - $(instructions router 2)) / (4 * uims) ))
naive=$(( ($(instructions naive 6) - $(instructions naive 2)) / (2 * uims) ))   # naive runs repeat/2 passes
echo "bench smoke: instructions per UIM: router $router, naive $naive"
if [ "$router" -gt "$naive" ]; then echo "bench smoke: FAIL: the router is slower than the naive scan"; status=1; fi
exit $status
