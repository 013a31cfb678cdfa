#!/usr/bin/env bash
# Runs every test project of the solution and prints one closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
# LibreOffice and poppler for the report PDF tests (installed once, when missing)
scripts/install-deps.sh
# a private PostgreSQL cluster for the web tests (they also run on SQLite); its connection string is passed on
if [ -z "${KINERJA_TEST_POSTGRES:-}" ]; then
  KINERJA_TEST_POSTGRES=$(scripts/start-postgres.sh | tail -n 1) || { echo "PostgreSQL could not be started"; exit 1; }
  export KINERJA_TEST_POSTGRES
fi
# the S3-compatible server the storage tests start (s3rver), exactly as its lock file names it
(cd tests/tooling/s3rver && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "npm ci in tests/tooling/s3rver failed"; exit 1; }
log=$(mktemp)
dotnet test Kinerja.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
# the scale rig in its short mode (issue 23): PostgreSQL primary and replica, PgBouncer, two web servers behind HAProxy,
# the deadline-week mix with one server stopped half way; one test. KINERJA_SKIP_RIG=1 leaves it out (never in CI).
if [ -n "${KINERJA_SKIP_RIG:-}" ] && [ "${CI:-}" != "true" ]; then
  echo "scale rig: left out (KINERJA_SKIP_RIG)"
  skipped=$((skipped + 1))
elif [ $# -gt 0 ]; then
  echo "scale rig: left out (test.sh was given dotnet test arguments)"
else
  echo "== scale rig: bench/scale/run.sh --short"
  if bench/scale/run.sh --short; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
# in CI nothing may be skipped: a test that needs PostgreSQL reports itself skipped when the server is missing
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "CI=true: $skipped test(s) were skipped (PostgreSQL or another required part missing); every test must run in CI"
  status=1
fi
exit "$status"
