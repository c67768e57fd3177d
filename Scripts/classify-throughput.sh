#!/usr/bin/env bash
# Measures `uim-router classify --format tsv` end to end on a 10-million-line plain input, with --jobs 1 and
# --jobs 2: UIMs per second (wall clock, including registry loading), UIMs per CPU-second (user + system time), and
# peak resident memory (/usr/bin/time -v). Run it on an otherwise idle machine: the wall-clock figures and the
# two-job speed-up only mean something when both cores are free (the load average is printed before and after).
#
# The input repeats Samples/seized-uims.txt (realistic mix: valid UIMs of every bundled pattern, near misses,
# noise, blank lines). Without it, the `uim` values of the conformance cases (shared/conformance/cases.jsonl,
# routed with that registry) are used instead.
#
# Usage: Scripts/classify-throughput.sh [LINES]          (default 10000000)
# Environment: WORK (scratch folder, default /tmp/uim-classify-throughput), OUTPUT (where the TSV goes, default
#              /dev/null; give a file to include the disk), RUNS (runs per job count, best kept; default 3),
#              SKIP_BUILD=1 (use the release binary already built in .build-classify).
# Needs: swift, /usr/bin/time (Debian package `time`), awk. Takes a few minutes (release build + 2 x RUNS runs).
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${1:-10000000}
WORK=${WORK:-/tmp/uim-classify-throughput}
OUTPUT=${OUTPUT:-/dev/null}
RUNS=${RUNS:-3}
SCRATCH=.build-classify
mkdir -p "$WORK"

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$SCRATCH" --product uim-router >&2
BIN=$SCRATCH/release/uim-router

REGISTRY_ARGS=()
if [ -s Samples/seized-uims.txt ]; then
    SOURCE=Samples/seized-uims.txt
else
    CONFORMANCE=${CONFORMANCE:-../shared/conformance}
    [ -d "$CONFORMANCE" ] || CONFORMANCE=/work/shared/conformance
    SOURCE=$WORK/conformance-uims.txt
    sed -n 's/^{"uim": "\([^"]*\)".*/\1/p' "$CONFORMANCE/cases.jsonl" > "$SOURCE"
    REGISTRY_ARGS=(--registry "$CONFORMANCE/registry")
fi

INPUT=$WORK/input-$LINES.txt
if [ ! -s "$INPUT" ] || [ "$(wc -l < "$INPUT")" -ne "$LINES" ]; then
    awk -v n="$LINES" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' "$SOURCE" > "$INPUT"
fi
echo "input: $INPUT ($LINES lines from $SOURCE, $(du -h "$INPUT" | cut -f1)); output: $OUTPUT; cores: $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for JOBS in 1 2; do
    BEST=
    for RUN in $(seq 1 "$RUNS"); do
        # To standard output (redirected), so OUTPUT may be /dev/null as well as a file.
        /usr/bin/time -v "$BIN" classify "${REGISTRY_ARGS[@]}" --date 2026-06-01 --format tsv --quiet \
            --jobs "$JOBS" "$INPUT" 2> "$WORK/time-$JOBS.txt" > "$OUTPUT"
        WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time-$JOBS.txt")
        RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time-$JOBS.txt")
        CPU=$(awk -F': ' '/Percent of CPU/ { print $2 }' "$WORK/time-$JOBS.txt")
        CPUSEC=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$WORK/time-$JOBS.txt")
        USER=$(awk -F': ' '/User time \(seconds\)/ { print $2 }' "$WORK/time-$JOBS.txt")
        SYS=$(awk -F': ' '/System time \(seconds\)/ { print $2 }' "$WORK/time-$JOBS.txt")
        RATE=$(awk -v n="$LINES" -v s="$WALL" 'BEGIN { printf "%.0f", n / s }')
        # Per CPU-second: what one core delivers; on a machine shared with other work this is the steadier figure.
        PERCPU=$(awk -v n="$LINES" -v s="$CPUSEC" 'BEGIN { printf "%.0f", n / s }')
        echo "jobs=$JOBS run=$RUN wall=${WALL}s user=${USER}s sys=${SYS}s uims_per_s=$RATE uims_per_cpu_s=$PERCPU" \
            "peak_rss_kb=$RSS cpu=$CPU load=$(cut -d' ' -f1 /proc/loadavg)"
        if [ -z "$BEST" ] || [ "$RATE" -gt "$BEST" ]; then BEST=$RATE; fi
    done
    eval "BEST_$JOBS=$BEST"
done
echo "best: jobs=1 ${BEST_1} UIMs/s, jobs=2 ${BEST_2} UIMs/s, speed-up $(awk -v a="$BEST_1" -v b="$BEST_2" 'BEGIN { printf "%.2f", b / a }')x"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
