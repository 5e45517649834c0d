#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by tests/postgres/start.sh and deletes its folder. Usage: tests/postgres/stop.sh [folder]
set -euo pipefail
dir=${1:-${SCREENING_TEST_POSTGRES_DIR:?give the folder start.sh printed}}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ "$(id -un)" = postgres ]; then "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"
else sudo -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; sudo rm -rf "$dir"; fi
rm -rf "$dir" 2>/dev/null || true
