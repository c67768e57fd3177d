#!/usr/bin/env bash
# Load on the routing service, load generator on the same machine (issue 17): single-UIM JSON requests with
# keep-alive (wrk: requests/s and latency percentiles), then one streamed text/plain request of many lines (curl:
# UIMs/s end to end), 20 reloads under load (10 of a changed registry, 10 of a broken one: no request lost, none
# answered by another registry), and the server's peak memory. Figures are key=value lines; no timing is asserted.
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
cp -R Patterns "$work/registry"
admin=$("$bin/uim-router-server" token add reloader --roles admin --tokens "$work/tokens" 2>/dev/null | head -n 1)
"$bin/uim-router-server" serve --registry "$work/registry" --tokens "$work/tokens" --port 0 --log-level warning \
    2> "$work/server.err" &
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
# Reload under load: wrk sends single-UIM requests while 20 reloads alternate a changed registry and a broken one
# (every broken reload must answer 422 and keep the registry in service); every response must be 200 and carry the
# digest of one of the two whole registries.
digest_of() { "$bin/uim-router" list --registry "$1" --format json 2>/dev/null \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["digest"])'; }
original=$(cat "$work/registry/KE.yaml")
sed 's/^  name: Kenya$/  name: Republic of Kenya/' "$work/registry/KE.yaml" > "$work/KE.changed"
first=$(digest_of "$work/registry")
cp "$work/KE.changed" "$work/registry/KE.yaml"; second=$(digest_of "$work/registry")
printf '%s\n' "$original" > "$work/registry/KE.yaml"
cat > "$work/reload.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"uims":["0108008232764457235WYDQ-R5W"],"date":"2026-06-01"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("UIM_TOKEN")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  allowed = {}
  for d in string.gmatch(os.getenv("UIM_DIGESTS"), "[^,]+") do allowed[d] = true end
  bad_status, bad_digest = 0, 0
end
function response(status, headers, body)
  if status ~= 200 then bad_status = bad_status + 1 end
  local d = headers["UIM-Registry-Digest"] or headers["uim-registry-digest"]
  if not allowed[d] or not string.find(body, d, 1, true) then bad_digest = bad_digest + 1 end
end
function done(summary, latency, requests)
  local status, digest = 0, 0
  for _, t in ipairs(threads) do status = status + t:get("bad_status"); digest = digest + t:get("bad_digest") end
  io.write(string.format("reload_load_requests=%d\nreload_load_socket_errors=%d\nreload_load_non_200=%d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    status))
  io.write(string.format("reload_load_wrong_digest=%d\n", digest))
end
LUA
UIM_TOKEN="$token" UIM_DIGESTS="$first,$second" wrk -t1 -c8 -d"$(( seconds > 4 ? seconds : 4 ))s" \
    -s "$work/reload.lua" "$url/v1/route" > "$work/reload-wrk.out" &
wrk_pid=$!
sleep 0.5
ok=0; kept=0
for i in $(seq 1 20); do
    if [ $((i % 2)) = 1 ]; then
        if [ $(((i / 2) % 2)) = 0 ]; then cp "$work/KE.changed" "$work/registry/KE.yaml"
        else printf '%s\n' "$original" > "$work/registry/KE.yaml"; fi
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" "$url/v1/admin/reload")
        [ "$code" = 200 ] && ok=$((ok + 1))
    else
        printf '  - id: [broken\n' >> "$work/registry/KE.yaml"
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" "$url/v1/admin/reload")
        [ "$code" = 422 ] && kept=$((kept + 1))
    fi
    sleep 0.1
done
wait "$wrk_pid"
grep '=' "$work/reload-wrk.out"
echo "reloads_ok=$ok reloads_broken_kept=$kept"
grep -q '^reload_load_non_200=0$' "$work/reload-wrk.out" && grep -q '^reload_load_wrong_digest=0$' "$work/reload-wrk.out" \
    && grep -q '^reload_load_socket_errors=0$' "$work/reload-wrk.out" && [ "$ok" = 10 ] && [ "$kept" = 10 ] \
    || { echo "FAIL: reload under load"; exit 1; }

echo "server_peak_rss_mb=$(( $(sed -n 's/^VmHWM:[^0-9]*\([0-9]*\) kB/\1/p' /proc/$server_pid/status) / 1024 ))"
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
echo "server_exit=0"
