#!/usr/bin/env bash
# The benchmarks: one command, a markdown table per benchmark, also written to docs/BENCHMARKS.md.
#   scripts/bench.sh            every benchmark (matching, digest, invoke, startup, ...)
#   scripts/bench.sh invoke     one of them
# Installs Debian's wrk (the load generator) and postgresql when missing, starts a throwaway PostgreSQL so that the
# store-bound benchmarks run on SQLite and on PostgreSQL, and builds in Release. MENTORBOT_BENCH_SECONDS shortens runs;
# MENTORBOT_BENCH_STORE=sqlite|postgresql and MENTORBOT_BENCH_CONCURRENCY=64 narrow the invoke benchmark (to compare builds).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/deps.sh
source scripts/lib/postgres.sh

ensure_debian_packages wrk postgresql
PG_ROOT=$(mktemp -d /tmp/mentorbot-bench-pg-XXXXXX)
trap 'pg_stop "$PG_ROOT"' EXIT
if pg_start "$PG_ROOT"; then
  export MENTORBOT_BENCH_POSTGRES="$PG_CONNECTION"
else
  echo "warning: PostgreSQL could not be started; store benchmarks run on SQLite only." >&2
fi

echo "==> Building (Release)" >&2
dotnet build bench/MentorBot.Bench -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet run -c Release --no-build --project bench/MentorBot.Bench -- "${1:-all}"
