#!/usr/bin/env bash
# Builds the solution and runs every test project against a throwaway PostgreSQL
# cluster (unless SHARINGPLATFORM_TEST_POSTGRES is set). The last line of output
# is always "N passed, N failed, N skipped".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

RESULTS=.data/test-results
PG_TMP=""

cleanup() {
  if [ -n "$PG_TMP" ]; then
    stop_cluster "$PG_TMP/data" >/dev/null 2>&1 || true
    rm -rf -- "$PG_TMP"
    PG_TMP=""
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

require_package /usr/bin/chromium chromium
require_package npm npm
require_package promtool --no-install-recommends prometheus
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"

if [ -z "${SHARINGPLATFORM_TEST_POSTGRES:-}" ]; then
  ensure_postgres
  PG_TMP=$(mktemp -d /tmp/sharingplatform-test-pg.XXXXXX)
  if is_root; then chown postgres:postgres "$PG_TMP"; fi
  start_cluster "$PG_TMP/data" "$PG_TMP/port" throwaway
  export SHARINGPLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

failure=""
if ! dotnet build SharingPlatform.sln -c Release; then
  failure="dotnet build failed"
elif ! dotnet test SharingPlatform.sln -c Release --no-build \
  --logger trx --results-directory "$RESULTS" \
  --blame-hang-timeout 10m --blame-hang-dump-type none; then
  failure="dotnet test failed"
fi

cleanup

# Sum the <Counters .../> of every trx: "total executed passed failed".
read -r total executed passed failed < <(
  find "$RESULTS" -name '*.trx' -exec grep -ho '<Counters [^>]*>' {} + |
    awk '
      function attr(name,   m) {
        if (!match($0, " " name "=\"[0-9]+\"")) return 0
        m = substr($0, RSTART, RLENGTH)
        gsub(/[^0-9]/, "", m)
        return m + 0
      }
      {
        total += attr("total"); executed += attr("executed"); passed += attr("passed")
        failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
      }
      END { printf "%d %d %d %d\n", total, executed, passed, failed }'
)
skipped=$((total - executed))

status=0
if [ -n "$failure" ]; then
  echo "$failure" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  echo "$failed test(s) failed; see the .trx files in $RESULTS" >&2
  status=1
fi
if [ "$total" -eq 0 ]; then
  echo "no test results found in $RESULTS: no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
