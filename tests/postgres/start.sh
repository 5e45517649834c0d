#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the decision-record tests (Debian's postgresql package): a new cluster in a
# temporary folder, on its own port, run as the postgres user (PostgreSQL refuses to run as root). Prints the line to
# export; `tests/postgres/stop.sh <folder>` stops it. Usage:
#   eval "$(tests/postgres/start.sh)"     # sets SCREENING_TEST_POSTGRES and SCREENING_TEST_POSTGRES_DIR
set -euo pipefail
# SCREENING_TEST_POSTGRES_PORT, or the first free port from 5499 (a cluster another run left running keeps its own).
port=${SCREENING_TEST_POSTGRES_PORT:-}
if [ -z "$port" ]; then
  port=5499
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
dir=$(mktemp -d)
chmod 755 "$dir"
# As the postgres user: directly, through runuser as root, or through sudo otherwise.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres -- "$@"; fi
}
if [ "$(id -un)" != postgres ]; then
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; else sudo chown postgres "$dir"; fi
fi
as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres screening
echo "export SCREENING_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=screening' SCREENING_TEST_POSTGRES_DIR='$dir'"
