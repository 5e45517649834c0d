#!/usr/bin/env bash
# HTTP load measurement of the published service (Production, its decision record on SQLite, as users run it):
#  1. at each log level (Warning, and the default Information; a server each, measured in turn): POST /v1/screenings
#     (the refer example) against GET /v1/ruleset (the same pipeline without the engine), interleaved rounds after
#     20 s of warm-up per endpoint;
#     throughput, p50/p99, and the server's CPU time per request read from /proc/<pid>/stat (the figure a load
#     generator sharing the machine cannot distort); the throughput and CPU ratios per level; p99 of both at 64
#     connections;
#  2. evaluations per second through POST /v1/screenings/batch (100 refer items per call) next to single requests;
#  3. screening throughput with the decision record on against a second server with it off, interleaved;
#  4. start-to-ready, the first screening after ready, and the peak RSS.
# Needs wrk (apt-get install wrk). Usage: tests/load/run.sh [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-10}
rounds=3
port=5199
source tests/load/common.sh

export SCREENING_KEY="load-test-$(date +%s)"
refer="$PWD/src/Screening.Api/Examples/refer.json"
batch_body="$scratch/batch.json"
{ printf '{"items":['; for i in $(seq 100); do [ "$i" -gt 1 ] && printf ','; cat "$refer"; done; printf ']}'; } >"$batch_body"

# start_server <provider> <port> <log level>: the service with the load test's API key and its decision record on <provider>.
start_server() {
  start_service "$2" "$out/server-$2-$3.log" Screening__Auth__ApiKeys__load="$(api_key_hash "$SCREENING_KEY")" \
    Screening__DecisionLog__Provider="$1" Serilog__MinimumLevel__Default="$3"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# measure <lua> <path> <port> <pid> [connections]: one wrk run; prints "rps p50_ms p99_ms non2xx cpu_us_per_request".
measure() {
  local before after
  before=$(cpu_ticks "$4")
  SCREENING_BODY=${SCREENING_BODY:-$refer} wrk -t2 -c"${5:-32}" -d"${duration}s" --latency -s "tests/load/$1" "http://127.0.0.1:$3$2" >"$scratch/wrk.txt"
  after=$(cpu_ticks "$4")
  awk -v ticks=$((after - before)) -v hz="$ticks_per_second" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /requests in/ { total = $1 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d %.0f\n", rps, p50, p99, bad, ticks / hz * 1e6 / total }' "$scratch/wrk.txt"
}
column() { cut -d' ' -f"$2" "$1" | median; }

# 4. Start-up, three times from a cold process: launch to /health/ready, then the first screening.
starts=(); firsts=()
for _ in 1 2 3; do
  started_ns=$(date +%s%N)
  start_server sqlite "$port" Information
  starts+=($(( ($(date +%s%N) - started_ns) / 1000000 )))
  firsts+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$port/v1/screenings" \
    -H 'Content-Type: application/json' -H "X-API-Key: $SCREENING_KEY" --data @"$refer" | awk '{ printf "%.1f", $1 * 1000 }')")
  stop_service "$server"
done

# 1. Both log levels, one server each, measured in turn round by round: drift over the run (this machine's figures
#    move by 20 % between minutes) then falls on both levels alike instead of reading as the cost of logging.
declare -A level_port=([Warning]=$((port + 2)) [Information]=$port) level_pid
for level in Warning Information; do
  start_server sqlite "${level_port[$level]}" "$level"
  level_pid[$level]=$server
done
for level in Warning Information; do
  # Tiered compilation needs tens of seconds under load to reach optimised code: measure the steady state.
  duration=20 measure screening.lua /v1/screenings "${level_port[$level]}" "${level_pid[$level]}" >/dev/null
  duration=20 measure ruleset.lua /v1/ruleset "${level_port[$level]}" "${level_pid[$level]}" >/dev/null
  : >"$scratch/screening-$level.txt"; : >"$scratch/ruleset-$level.txt"
done
for _ in $(seq "$rounds"); do
  for level in Warning Information; do
    measure screening.lua /v1/screenings "${level_port[$level]}" "${level_pid[$level]}" >>"$scratch/screening-$level.txt"
    measure ruleset.lua /v1/ruleset "${level_port[$level]}" "${level_pid[$level]}" >>"$scratch/ruleset-$level.txt"
  done
done

printf "\n%-12s %-10s %9s %8s %8s %8s %14s\n" level endpoint "req/s" "p50 ms" "p99 ms" non-2xx "CPU us/req"
summary=()
for level in Warning Information; do
  for endpoint in screening ruleset; do
    f="$scratch/$endpoint-$level.txt"
    printf "%-12s %-10s %9s %8s %8s %8s %14s\n" "$level" "$endpoint" "$(column "$f" 1)" "$(column "$f" 2)" "$(column "$f" 3)" \
      "$(awk '{ s += $4 } END { print s }' "$f")" "$(column "$f" 5)"
  done
  # p99 at 64 connections, both endpoints (the latency budget compares them in the same run).
  p99_screening=$(measure screening.lua /v1/screenings "${level_port[$level]}" "${level_pid[$level]}" 64 | cut -d' ' -f3)
  p99_ruleset=$(measure ruleset.lua /v1/ruleset "${level_port[$level]}" "${level_pid[$level]}" 64 | cut -d' ' -f3)
  summary+=("$level: p99 at 64 connections screening/ruleset $(ratio "$p99_screening" "$p99_ruleset") ($p99_screening / $p99_ruleset ms)   (budget <= 3)")
  summary+=("$level: throughput screening/ruleset $(ratio "$(column "$scratch/screening-$level.txt" 1)" "$(column "$scratch/ruleset-$level.txt" 1)") (budget >= 0.40), CPU per request screening/ruleset $(ratio "$(column "$scratch/screening-$level.txt" 5)" "$(column "$scratch/ruleset-$level.txt" 5)") ($(column "$scratch/screening-$level.txt" 5) / $(column "$scratch/ruleset-$level.txt" 5) us; budget <= 2.5)")
done
stop_service "${level_pid[Warning]}"
main=${level_pid[Information]}

# 2. Batch: 100 items per call, at 4 connections (each call already fans out over the cores).
: >"$scratch/batch.txt"
for _ in $(seq "$rounds"); do SCREENING_BODY="$batch_body" measure screening.lua /v1/screenings/batch "$port" "$main" 4 >>"$scratch/batch.txt"; done
batch_evaluations=$(( $(column "$scratch/batch.txt" 1) * 100 ))
peak_rss_mb=$(memory_mb "$main" VmHWM)

# 3. The decision record's cost: the same screening load on a second server with the record off, interleaved.
start_server none $((port + 1)) Information
off=$server
duration=20 measure screening.lua /v1/screenings $((port + 1)) "$off" >/dev/null
: >"$scratch/on.txt"; : >"$scratch/off.txt"
for _ in $(seq "$rounds"); do
  measure screening.lua /v1/screenings "$port" "$main" >>"$scratch/on.txt"
  measure screening.lua /v1/screenings $((port + 1)) "$off" >>"$scratch/off.txt"
done

echo
printf '%s\n' "${summary[@]}"
echo "logging cost: baseline throughput at Information / at Warning $(ratio "$(column "$scratch/ruleset-Information.txt" 1)" "$(column "$scratch/ruleset-Warning.txt" 1)")   (budget >= 0.90)"
echo "evaluations/s: single requests $(column "$scratch/screening-Information.txt" 1), through /batch (100 items per call, 4 connections) $batch_evaluations"
echo "decision record on (SQLite) / off: $(column "$scratch/on.txt" 1) / $(column "$scratch/off.txt" 1) req/s = $(ratio "$(column "$scratch/on.txt" 1)" "$(column "$scratch/off.txt" 1)"); CPU per request $(column "$scratch/on.txt" 5) / $(column "$scratch/off.txt" 5) us   (budget >= 0.8)"
echo "process start to ready (median of 3): $(printf '%s\n' "${starts[@]}" | median) ms (runs: ${starts[*]}); first screening after ready: $(printf '%s\n' "${firsts[@]}" | median) ms (runs: ${firsts[*]})"
echo "server peak RSS (Information run, incl. batch): ${peak_rss_mb} MB"
