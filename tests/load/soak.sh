#!/usr/bin/env bash
# Soak: mixed traffic at 32 connections for 10 minutes (or the given seconds) against the published service in
# Production with its decision record on SQLite: the six examples, a batch of the six, and FHIR $evaluate. Every 30 s
# it prints the server's RSS, GC collections (gen 0/1/2, from the runtime meter on /metrics) and the errors so far;
# at the end: RSS in the last minute against minute 2 (budget within 10 %), and zero errors (non-2xx responses,
# socket errors, error-level log lines). Needs wrk and node. Usage: tests/load/soak.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
port=5198
source tests/load/common.sh

export SCREENING_KEY="soak-$(date +%s)"
work=$(mktemp -d)
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
' "$examples" "$work/batch.json" "$work/questionnaire-response.json" "http://127.0.0.1:$port/fhir"
bodies="$bodies /v1/screenings/batch|application/json|$work/batch.json"
bodies="$bodies /fhir/QuestionnaireResponse/\$evaluate|application/fhir+json|$work/questionnaire-response.json"
export SOAK_BODIES="$bodies"

ASPNETCORE_ENVIRONMENT=Production \
Screening__Auth__ApiKeys__soak="$(printf %s "$SCREENING_KEY" | sha256sum | cut -d' ' -f1)" \
Screening__RateLimit__PermitsPerMinute=1000000000 \
Screening__DecisionLog__Provider=sqlite \
Screening__DecisionLog__ConnectionString="Data Source=$work/decisions.db" \
Screening__DecisionLog__EncryptionKeys__soak="$(head -c 32 /dev/urandom | base64)" \
  dotnet "$out/publish/Screening.Api.dll" --contentRoot "$PWD/$out/publish" --urls "http://127.0.0.1:$port" >"$out/soak-server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
gc() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^dotnet_gc_collections_total/ { match($0, /gen[012]/); n[substr($0, RSTART, RLENGTH)] = $NF } END { printf "gen0 %s gen1 %s gen2 %s", n["gen0"], n["gen1"], n["gen2"] }'; }
errors_logged() { grep -c '"@l":"Error"\|"@l":"Fatal"' "$out/soak-server.log" || true; }

wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s tests/load/soak.lua "http://127.0.0.1:$port" >"$work/wrk.txt" 2>&1 &
load=$!
printf "%6s %8s %-32s %s\n" "t (s)" "RSS MB" "GC collections" "error log lines"
: >"$work/rss.txt"
for ((t = 30; t <= seconds; t += 30)); do
  sleep 30
  rss=$(rss_mb)
  echo "$t $rss" >>"$work/rss.txt"
  printf "%6d %8s %-32s %s\n" "$t" "$rss" "$(gc)" "$(errors_logged)"
done
wait "$load"

requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt"); non2xx=${non2xx:-0}
socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$work/wrk.txt"); socket=${socket:-0}
minute2=$(awk '$1 > 60 && $1 <= 120 { s += $2; n++ } END { if (n) printf "%.0f", s / n }' "$work/rss.txt")
last=$(awk -v end="$seconds" '$1 > end - 60 { s += $2; n++ } END { if (n) printf "%.0f", s / n }' "$work/rss.txt")
echo
echo "requests: $requests over ${seconds} s ($(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt") req/s); non-2xx: $non2xx; socket errors: $socket; error log lines: $(errors_logged)"
if [ -n "$minute2" ] && [ -n "$last" ]; then
  echo "RSS minute 2: $minute2 MB; last minute: $last MB; change $(awk -v a="$last" -v b="$minute2" 'BEGIN { printf "%+.1f", (a - b) / b * 100 }') %   (budget within 10 %)"
fi
[ "$non2xx" -eq 0 ] && [ "$socket" -eq 0 ] && [ "$(errors_logged)" -eq 0 ]
