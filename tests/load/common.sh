# Shared by the load scripts (sourced): checks for wrk, publishes the service as the Dockerfile does, and starts it
# (start_service) with --contentRoot set to the publish folder, as the image's working directory is: started from the
# repository root without it, appsettings.json is not found (no log-level overrides: every ASP.NET Core request
# event at Information) and neither is wwwroot.
out=artifacts/load
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$out"

echo "Publishing (Release, ReadyToRun, as the Dockerfile does)..."
dotnet publish src/Screening.Api --configuration Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true --output "$out/publish" >/dev/null

# The decision records of the services started below, and the scripts' scratch files; removed on exit.
scratch=$(mktemp -d)
trap 'stop_services; rm -rf "$scratch"' EXIT

# start_service <port> <log file> [SETTING=value ...]: the published service in Production with its decision record on
# SQLite (a new database under $scratch, a fresh encryption key) and the rate limit lifted, so that the load is what is
# measured; further settings (API key hashes, log level, another provider) as environment assignments. Sets $server
# and returns once /health/ready answers; fails with the end of the server's log if it exits before.
start_service() {
  local port=$1 log=$2
  shift 2
  env ASPNETCORE_ENVIRONMENT=Production \
    Screening__RateLimit__PermitsPerMinute=1000000000 \
    Screening__DecisionLog__Provider=sqlite \
    Screening__DecisionLog__ConnectionString="Data Source=$(mktemp -p "$scratch" decisions-XXXXXX.db)" \
    Screening__DecisionLog__EncryptionKeys__load="$(head -c 32 /dev/urandom | base64)" \
    "$@" \
    dotnet "$out/publish/Screening.Api.dll" --contentRoot "$PWD/$out/publish" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { echo "The service on port $port stopped during start-up:" >&2; tail -n 20 "$log" >&2; return 1; }
    sleep 0.01
  done
}

# stop_service <pid>: a graceful stop (SIGTERM), waited for. stop_services: every service this script started.
stop_service() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
stop_services() { for job in $(jobs -p); do stop_service "$job"; done; }

# memory_mb <pid> <field>: a memory figure of the process in MB, from /proc/<pid>/status (VmRSS now, VmHWM its peak).
memory_mb() { awk -v field="$2:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# api_key_hash <key>: the SHA-256 hex the service's Screening:Auth:ApiKeys settings hold.
api_key_hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
