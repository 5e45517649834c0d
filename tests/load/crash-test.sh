#!/usr/bin/env bash
# Crash test of the decision record: the published service on SQLite takes screenings from 16 concurrent clients;
# midway it is killed with SIGKILL (no shutdown, no flush); then it is started again on the same file, and every
# decision a client received a complete 200 for must be retrievable, byte for byte as the client got it.
# Usage: tests/load/crash-test.sh [requests (default 500)]. Needs curl. Exits non-zero on any lost or altered decision.
set -euo pipefail
cd "$(dirname "$0")/../.."
total=${1:-500}
port=5197
out=artifacts/load
mkdir -p "$out"
echo "Publishing (Release, ReadyToRun, as the Dockerfile does)..."
dotnet publish src/Screening.Api --configuration Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true --output "$out/publish" >/dev/null

work=$(mktemp -d)
mkdir -p "$work/responses"
key="crash-test-$(date +%s)"
export ASPNETCORE_ENVIRONMENT=Production \
  Screening__Auth__ApiKeys__crash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)" \
  Screening__RateLimit__PermitsPerMinute=1000000 \
  Screening__DecisionLog__Provider=sqlite \
  Screening__DecisionLog__ConnectionString="Data Source=$work/decisions.db" \
  Screening__DecisionLog__EncryptionKeys__crash="$(head -c 32 /dev/urandom | base64)"

start_server() {
  if curl -s "http://127.0.0.1:$port/health/live" >/dev/null; then echo "port $port is in use" >&2; exit 1; fi
  dotnet "$out/publish/Screening.Api.dll" --contentRoot "$PWD/$out/publish" --urls "http://127.0.0.1:$port" >>"$work/server.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { tail -n 20 "$work/server.log" >&2; exit 1; }
    sleep 0.05
  done
}
trap 'kill -9 $server 2>/dev/null || true; rm -rf "$work"' EXIT

# One client request: the response is kept only when it arrived whole with 200 (curl exits 0 only for a complete transfer).
export port key work
screen_one() {
  local n=$1 code
  code=$(curl -s --max-time 20 -o "$work/responses/$n.part" -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/screenings" \
    -H 'Content-Type: application/json' -H "X-API-Key: $key" --data @src/Screening.Api/Examples/refer.json) \
    && [ "$code" = 200 ] && mv "$work/responses/$n.part" "$work/responses/$n.json"
  rm -f "$work/responses/$n.part"
}
export -f screen_one

start_server
echo "Screening: $total requests from 16 concurrent clients; SIGKILL after half are answered..."
seq 1 "$total" | xargs -P 16 -I{} bash -c 'screen_one {} || true' &
clients=$!
while [ "$(find "$work/responses" -name '*.json' | wc -l)" -lt $((total / 2)) ]; do sleep 0.01; done
kill -9 "$server"
wait "$clients" || true
acknowledged=$(find "$work/responses" -name '*.json' | wc -l)

echo "Starting again on the same file..."
start_server
found=0; missing=0; altered=0
for response in "$work/responses"/*.json; do
  id=$(sed -n 's/^{"decisionId":"\([0-9a-f-]*\)".*/\1/p' "$response")
  if curl -sf -o "$work/got.json" "http://127.0.0.1:$port/v1/screenings/$id" -H "X-API-Key: $key"; then
    if cmp -s "$response" "$work/got.json"; then found=$((found + 1)); else altered=$((altered + 1)); fi
  else
    missing=$((missing + 1))
  fi
done
kill -TERM "$server"; wait "$server" 2>/dev/null || true

echo "requests sent: $total; acknowledged (complete 200) before or around the kill: $acknowledged"
echo "found after restart, byte-identical: $found; missing: $missing; altered: $altered"
[ "$acknowledged" -gt 0 ] && [ "$missing" -eq 0 ] && [ "$altered" -eq 0 ]
