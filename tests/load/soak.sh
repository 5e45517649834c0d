#!/usr/bin/env bash
# Soak: mixed traffic at 32 connections for 10 minutes (or the given seconds) against the published service in
# Production with its decision record on SQLite: the six examples, a batch of the six, and FHIR $evaluate. Every 30 s
# it prints the server's RSS (with its anonymous part and the GC's committed memory), GC collections (gen 0/1/2, from
# the runtime meter on /metrics) and the errors so far; at the end: RSS in the last minute against minute 2 (budget
# within 10 %), the decision record's size on disk (its write-ahead log must stay small), and zero errors (non-2xx
# responses, socket errors, error-level log lines). Needs wrk and node. Usage: tests/load/soak.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
port=5198
source tests/load/common.sh

export SCREENING_KEY="soak-$(date +%s)"
examples=src/Screening.Api/Examples
bodies=""
for name in refer refer-with-specialist-review not-eligible-criteria-not-met insufficient-information not-eligible-contraindicated urgent-crisis-referral; do
  bodies="$bodies /v1/screenings|application/json|$PWD/$examples/$name.json"
done
node -e '
  const fs = require("fs"); const dir = process.argv[1];
  const names = ["refer", "refer-with-specialist-review", "not-eligible-criteria-not-met", "insufficient-information", "not-eligible-contraindicated", "urgent-crisis-referral"];
  fs.writeFileSync(process.argv[2], JSON.stringify({ items: names.map(n => JSON.parse(fs.readFileSync(`${dir}/${n}.json`, "utf8"))) }));
  const hook = JSON.parse(fs.readFileSync("tools/cds-example-request.json", "utf8"));
  // The example names the canonicals of the README service (http://localhost:5080/fhir); this one answers at its own URL.
  fs.writeFileSync(process.argv[3], JSON.stringify(hook.prefetch.questionnaireResponse.entry[0].resource).replaceAll("http://localhost:5080/fhir", process.argv[4]));
' "$examples" "$scratch/batch.json" "$scratch/questionnaire-response.json" "http://127.0.0.1:$port/fhir"
bodies="$bodies /v1/screenings/batch|application/json|$scratch/batch.json"
bodies="$bodies /fhir/QuestionnaireResponse/\$evaluate|application/fhir+json|$scratch/questionnaire-response.json"
export SOAK_BODIES="$bodies"

start_service "$port" "$out/soak-server.log" Screening__Auth__ApiKeys__soak="$(api_key_hash "$SCREENING_KEY")"

# Where the RSS is: anonymous memory (the GC's heap and native allocations) and its GC-committed part; the rest is
# mapped files (the runtime and assemblies, the SQLite shared-memory index).
anon_mb() { awk '/^Anonymous/ { printf "%.0f", $2 / 1024 }' "/proc/$server/smaps_rollup"; }
metrics() { curl -s "http://127.0.0.1:$port/metrics"; }
gc_committed_mb() { awk '/^dotnet_gc_last_collection_memory_committed_size_bytes/ { printf "%.0f", $NF / 1048576 }' <<<"$1"; }
gc() { awk '/^dotnet_gc_collections_total/ { match($0, /gen[012]/); n[substr($0, RSTART, RLENGTH)] = $NF } END { printf "gen0 %s gen1 %s gen2 %s", n["gen0"], n["gen1"], n["gen2"] }' <<<"$1"; }
errors_logged() { grep -c '"@l":"Error"\|"@l":"Fatal"' "$out/soak-server.log" || true; }

wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s tests/load/soak.lua "http://127.0.0.1:$port" >"$scratch/wrk.txt" 2>&1 &
load=$!
printf "%6s %8s %8s %14s %-32s %s\n" "t (s)" "RSS MB" "anon MB" "GC commit MB" "GC collections" "error log lines"
: >"$scratch/rss.txt"
for ((t = 30; t <= seconds; t += 30)); do
  sleep 30
  rss=$(memory_mb "$server" VmRSS)
  m=$(metrics)
  echo "$t $rss" >>"$scratch/rss.txt"
  printf "%6d %8s %8s %14s %-32s %s\n" "$t" "$rss" "$(anon_mb)" "$(gc_committed_mb "$m")" "$(gc "$m")" "$(errors_logged)"
done
wait "$load"

requests=$(awk '/requests in/ { print $1 }' "$scratch/wrk.txt")
non2xx=$(awk '/Non-2xx/ { print $NF }' "$scratch/wrk.txt"); non2xx=${non2xx:-0}
socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$scratch/wrk.txt"); socket=${socket:-0}
minute2=$(awk '$1 > 60 && $1 <= 120 { s += $2; n++ } END { if (n) printf "%.0f", s / n }' "$scratch/rss.txt")
last=$(awk -v end="$seconds" '$1 > end - 60 { s += $2; n++ } END { if (n) printf "%.0f", s / n }' "$scratch/rss.txt")
echo
echo "requests: $requests over ${seconds} s ($(awk '/Requests\/sec/ { print $2 }' "$scratch/wrk.txt") req/s); non-2xx: $non2xx; socket errors: $socket; error log lines: $(errors_logged)"
echo "decision record on disk: database $(du -m "$scratch"/decisions-*.db | cut -f1 | head -1) MB, write-ahead log $(du -m "$scratch"/decisions-*.db-wal 2>/dev/null | cut -f1 | head -1) MB"
if [ -n "$minute2" ] && [ -n "$last" ]; then
  echo "RSS minute 2: $minute2 MB; last minute: $last MB; change $(awk -v a="$last" -v b="$minute2" 'BEGIN { printf "%+.1f", (a - b) / b * 100 }') %   (budget within 10 %)"
fi
[ "$non2xx" -eq 0 ] && [ "$socket" -eq 0 ] && [ "$(errors_logged)" -eq 0 ]
