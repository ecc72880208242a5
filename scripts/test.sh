#!/usr/bin/env bash
# The README's test command. Installs what the full suite needs when missing (Debian chromium and postgresql,
# the npm packages of tests/MentorBot.E2E), then runs every suite:
#   unit  ->  integration on SQLite  ->  the same integration suite on a throwaway PostgreSQL  ->  E2E in the Agents Playground
# It ends with "N passed, N failed" on its own line and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/deps.sh
source scripts/lib/postgres.sh

ensure_debian_packages chromium postgresql fonts-open-sans || exit 1
ensure_npm_packages tests/MentorBot.E2E || exit 1

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
PG_ROOT=$(mktemp -d /tmp/mentorbot-pg-XXXXXX)
trap 'pg_stop "$PG_ROOT"' EXIT

echo "==> Building"
dotnet build MentorBot.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

run_suite() { # name project [VAR=value ...]
  local name=$1 project=$2; shift 2
  echo "==> $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" -- RunConfiguration.CollectSourceInformation=false
  [ -f "$RESULTS/$name.trx" ] || echo "crashed" > "$RESULTS/$name.crashed"
}

run_suite unit tests/MentorBot.Tests
run_suite integration-sqlite tests/MentorBot.IntegrationTests
if pg_start "$PG_ROOT"; then
  run_suite integration-postgres tests/MentorBot.IntegrationTests "MENTORBOT_TEST_POSTGRES=$PG_CONNECTION"
else
  echo "PostgreSQL could not be started" > "$RESULTS/integration-postgres.crashed"
fi
if [ -d tests/MentorBot.E2E/bin ] || [ -f tests/MentorBot.E2E/MentorBot.E2E.csproj ]; then
  run_suite e2e tests/MentorBot.E2E
fi

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
for crashed in "$RESULTS"/*.crashed; do
  [ -f "$crashed" ] || continue
  echo "!! $(basename "$crashed" .crashed) did not run to completion"
  failed=$((failed + 1))
done
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
