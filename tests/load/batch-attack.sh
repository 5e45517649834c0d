#!/usr/bin/env bash
# The memory attack of the hardening review, against the published service in Production: one key holder sends ~1 MB
# batch bodies of 524,000 elements ({"items":[0,0,...]}) on 32 connections, while another client screens the refer
# example on one connection. The attacker's rate limit is lifted so that only the structural limits (checked while the
# body is read) and the bound on bodies in flight stand between the attack and the process's memory.
# Prints the other client's p50/p99 without and with the attack, the attack's answers, and the server's peak RSS.
# Budget: peak RSS under 400 MB, the other client's p99 under 100 ms. Needs wrk. Usage: tests/load/batch-attack.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-20}
port=5198
source tests/load/common.sh

# screening.lua posts $SCREENING_BODY with $SCREENING_KEY: the other client's, or (set per run) the attacker's.
export SCREENING_KEY="other-client-$(date +%s)" SCREENING_BODY="$PWD/src/Screening.Api/Examples/refer.json"
ATTACK_KEY="attacker-$(date +%s)" ATTACK_BODY="$out/attack-batch.json"
(set +o pipefail; printf '{"items":['; yes 0 | head -n 523999 | tr '\n' ','; printf '0]}') >"$ATTACK_BODY"

if curl -s "http://127.0.0.1:$port/health/live" >/dev/null; then echo "port $port is in use" >&2; exit 1; fi
# The decision record on, as users run the service: every screening the other client gets is committed first.
start_service "$port" "$out/attack-server.log" \
  Screening__Auth__ApiKeys__other="$(api_key_hash "$SCREENING_KEY")" Screening__Auth__ApiKeys__attacker="$(api_key_hash "$ATTACK_KEY")"

# "p50_ms p99_ms requests non2xx" of one wrk run.
latency() {
  wrk "$@" --latency | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } / requests in / { n = $1 } /Non-2xx/ { bad = $NF }
    END { printf "%.2f %.2f %d %d\n", p50, p99, n, bad }'
}

echo "Warming up (20 s)..."
wrk -t1 -c8 -d20s -s tests/load/screening.lua "http://127.0.0.1:$port/v1/screenings" >/dev/null
rss_before=$(memory_mb "$server" VmRSS)

read -r base_p50 base_p99 base_n _ < <(latency -t1 -c1 -d"${duration}s" -s tests/load/screening.lua "http://127.0.0.1:$port/v1/screenings")

SCREENING_KEY=$ATTACK_KEY SCREENING_BODY=$ATTACK_BODY latency -t1 -c32 -d"$((duration + 4))s" -s tests/load/screening.lua "http://127.0.0.1:$port/v1/screenings/batch" >"$out/attack.txt" &
attack=$!
sleep 2
read -r p50 p99 n bad < <(latency -t1 -c1 -d"${duration}s" -s tests/load/screening.lua "http://127.0.0.1:$port/v1/screenings")
wait "$attack"
read -r _ _ attack_n attack_bad <"$out/attack.txt"
sleep 2

echo
echo "RSS after warm-up:                                  ${rss_before} MB"
echo "other client without the attack: p50 ${base_p50} ms, p99 ${base_p99} ms ($base_n screenings)"
echo "other client during the attack:  p50 ${p50} ms, p99 ${p99} ms ($n screenings, $bad not 2xx)   (budget p99 < 100)"
echo "attack: $attack_n batch bodies of $(wc -c <"$ATTACK_BODY") bytes on 32 connections, $attack_bad refused (4xx/5xx)"
echo "server peak RSS (VmHWM):                            $(memory_mb "$server" VmHWM) MB   (budget < 400)"
echo "server RSS after the attack:                        $(memory_mb "$server" VmRSS) MB"
grep -o '"StatusCode":[0-9]*' "$out/attack-server.log" | sort | uniq -c | sed 's/^/  responses logged: /' || true
