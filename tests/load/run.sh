#!/usr/bin/env bash
# HTTP load comparison: POST /v1/screenings (the refer example) against GET /v1/ruleset (the same pipeline without
# the engine), in interleaved pairs at 32 and 64 connections, on the published service in Production mode with its
# decision record on (SQLite). Then screening throughput with the decision record on against a second server with it
# off, interleaved. Prints requests per second, p50 and p99 for each, the ratios, start-to-ready time, the first
# screening after ready, and the server's peak RSS. Needs wrk (apt-get install wrk). Usage: tests/load/run.sh [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-10}
rounds=3
port=5199
source tests/load/common.sh

export SCREENING_KEY="load-test-$(date +%s)"
export SCREENING_BODY="$PWD/src/Screening.Api/Examples/refer.json"
key_hash=$(printf %s "$SCREENING_KEY" | sha256sum | cut -d' ' -f1)

record=$(mktemp -d)
# start_server [provider] [port]: the published service, its decision record on SQLite (default) or none.
start_server() {
  ASPNETCORE_ENVIRONMENT=Production \
  Screening__Auth__ApiKeys__load="$key_hash" \
  Screening__RateLimit__PermitsPerMinute=1000000000 \
  Screening__DecisionLog__Provider="${1:-sqlite}" \
  Screening__DecisionLog__ConnectionString="Data Source=$record/decisions-${2:-$port}.db" \
  Screening__DecisionLog__EncryptionKeys__load="$(head -c 32 /dev/urandom | base64)" \
    dotnet "$out/publish/Screening.Api.dll" --urls "http://127.0.0.1:${2:-$port}" >"$out/server-${2:-$port}.log" 2>&1 &
  server=$!
}

# Start-up, measured three times from a cold process: launch to /health/ready, then the first screening.
starts=(); firsts=()
for _ in 1 2 3; do
  started_ns=$(date +%s%N)
  start_server
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.01; done
  starts+=($(( ($(date +%s%N) - started_ns) / 1000000 )))
  firsts+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$port/v1/screenings" \
    -H 'Content-Type: application/json' -H "X-API-Key: $SCREENING_KEY" --data @"$SCREENING_BODY" | awk '{ printf "%.1f", $1 * 1000 }')")
  kill -TERM "$server"; wait "$server" 2>/dev/null || true
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ready_ms=$(printf '%s\n' "${starts[@]}" | median)
first_ms=$(printf '%s\n' "${firsts[@]}" | median)

start_server
trap 'kill -TERM $server ${server_off:-} 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$record"' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.02; done

# Tiered compilation needs tens of seconds under load to reach optimised code; measure the steady state.
echo "Warming up (30 s)..."
wrk -t2 -c32 -d20s -s tests/load/screening.lua "http://127.0.0.1:$port/v1/screenings" >/dev/null
wrk -t2 -c32 -d10s -s tests/load/ruleset.lua "http://127.0.0.1:$port/v1/ruleset" >/dev/null

# One wrk run; prints "rps p50_ms p99_ms non2xx". measure script path connections [port]
measure() {
  local script=$1 path=$2 connections=$3
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "tests/load/$script" "http://127.0.0.1:${4:-$port}$path" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

printf "\n%-5s %-10s %10s %10s %10s %8s\n" conns endpoint "req/s" "p50 ms" "p99 ms" non-2xx
for connections in 32 64; do
  : >"$out/screening-$connections.txt"; : >"$out/ruleset-$connections.txt"
  for _ in $(seq "$rounds"); do
    measure screening.lua /v1/screenings "$connections" >>"$out/screening-$connections.txt"
    measure ruleset.lua /v1/ruleset "$connections" >>"$out/ruleset-$connections.txt"
  done
  for endpoint in screening ruleset; do
    f="$out/$endpoint-$connections.txt"
    printf "%-5s %-10s %10s %10s %10s %8s\n" "$connections" "$endpoint" \
      "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" "$(awk '{ s += $4 } END { print s }' "$f")"
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rps_ratio=$(ratio "$(cut -d' ' -f1 "$out/screening-32.txt" | median)" "$(cut -d' ' -f1 "$out/ruleset-32.txt" | median)")
p99_ratio=$(ratio "$(cut -d' ' -f3 "$out/screening-64.txt" | median)" "$(cut -d' ' -f3 "$out/ruleset-64.txt" | median)")
peak_rss_mb=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")

# The decision record's cost: the same screening load on a second server with the record off, interleaved with this one.
port_off=$((port + 1))
main_server=$server
start_server none "$port_off"
server_off=$server
server=$main_server
until curl -sf "http://127.0.0.1:$port_off/health/ready" >/dev/null; do sleep 0.02; done
wrk -t2 -c32 -d20s -s tests/load/screening.lua "http://127.0.0.1:$port_off/v1/screenings" >/dev/null
: >"$out/record-on.txt"; : >"$out/record-off.txt"
for _ in $(seq "$rounds"); do
  measure screening.lua /v1/screenings 32 "$port" >>"$out/record-on.txt"
  measure screening.lua /v1/screenings 32 "$port_off" >>"$out/record-off.txt"
done
record_on=$(cut -d' ' -f1 "$out/record-on.txt" | median)
record_off=$(cut -d' ' -f1 "$out/record-off.txt" | median)
kept=$(curl -s "http://127.0.0.1:$port/v1/screenings?limit=1" -H "X-API-Key: $SCREENING_KEY" | grep -c decisionId || true)

echo
echo "throughput ratio screening / ruleset at 32 connections: $rps_ratio   (budget >= 0.35)"
echo "p99 ratio screening / ruleset at 64 connections:        $p99_ratio   (budget <= 4)"
echo "process start to ready (median of 3):                   ${ready_ms} ms   (budget <= 1500; runs: ${starts[*]})"
echo "first screening after ready (median of 3):              ${first_ms} ms   (budget < 50; runs: ${firsts[*]})"
echo "server peak RSS after $(( rounds * 4 * duration + 30 )) s of load:                 ${peak_rss_mb} MB   (budget <= 200)"
echo "screenings/s at 32 connections, decision record on (SQLite) / off: $record_on / $record_off = $(ratio "$record_on" "$record_off")   (budget >= 0.8; records listed: $kept)"
