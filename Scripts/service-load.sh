#!/usr/bin/env bash
# Load on the routing service, load generator on the same machine (issue 17): single-UIM JSON requests with
# keep-alive (wrk: requests/s and latency percentiles), then one streamed text/plain request of many lines (curl:
# UIMs/s end to end) and the server's peak memory. Figures are printed as key=value lines; no timing is asserted.
#   Scripts/service-load.sh [SECONDS] [STREAM_LINES] [CONNECTIONS]      (CI: Scripts/service-load.sh 2 200000)
# Needs a release build (swift build -c release) and wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
lines=${2:-10000000}
connections=${3:-32}
bin=.build/release
command -v wrk > /dev/null || { echo "wrk not found (Debian: apt-get install wrk)"; exit 1; }
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export NO_PROXY='*' no_proxy='*'

token=$("$bin/uim-router-server" token add load --roles route --tokens "$work/tokens" 2>/dev/null | head -n 1)
"$bin/uim-router-server" serve --tokens "$work/tokens" --port 0 --log-level warning 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$work/server.err" && break; sleep 0.1; done
address=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/server.err" | head -n 1 | sed 's/listening on //')
[ -n "$address" ] || { cat "$work/server.err"; exit 1; }
url="http://$address"

cat > "$work/route.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"uims":["0108008232764457235WYDQ-R5W"],"date":"2026-06-01"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("UIM_TOKEN")
done = function(summary, latency, requests)
  io.write(string.format("json_requests=%d\njson_errors=%d\njson_requests_per_second=%.0f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("json_latency_p%s_ms=%.3f\n", p, latency:percentile(p) / 1000))
  end
end
LUA
echo "server=$address json_connections=$connections json_threads=1 seconds=$seconds"
UIM_TOKEN="$token" wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/route.lua" "$url/v1/route" | grep '='

# The stream: the bundled sample repeated to $lines lines.
python3 - Samples/seized-uims.txt "$lines" "$work/stream.txt" <<'PY'
import sys
sample = open(sys.argv[1], "rb").read()
want, out = int(sys.argv[2]), open(sys.argv[3], "wb")
per = sample.count(b"\n")
for _ in range(want // per): out.write(sample)
rest = sample.split(b"\n")[: want % per]
if rest: out.write(b"\n".join(rest) + b"\n")
PY
sent=$(wc -l < "$work/stream.txt")
start=$(date +%s.%N)
curl -sS --fail -H "Authorization: Bearer $token" -H 'Content-Type: text/plain' -T "$work/stream.txt" -X POST \
    "$url/v1/route?date=2026-06-01" | wc -l > "$work/received"
end=$(date +%s.%N)
received=$(cat "$work/received")
[ "$received" = "$sent" ] || { echo "stream: sent $sent lines, received $received"; exit 1; }
python3 -c "import sys; print('stream_lines=%d\nstream_bytes=%d\nstream_seconds=%.2f\nstream_uims_per_second=%.0f' % (
    $sent, $(stat -c %s "$work/stream.txt"), $end - $start, $sent / ($end - $start)))"
echo "server_peak_rss_mb=$(( $(sed -n 's/^VmHWM:[^0-9]*\([0-9]*\) kB/\1/p' /proc/$server_pid/status) / 1024 ))"
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
echo "server_exit=0"
