#!/usr/bin/env bash
# Rewrites docs/openapi/v1.json from the running app (OpenApiSnapshotTests with SHARINGPLATFORM_UPDATE_OPENAPI=1) and
# regenerates the Kiota client in tests/SharingPlatform.IntegrationTests/ApiClient/Generated from it. Commit both.
# Uses SHARINGPLATFORM_TEST_POSTGRES when set, else a throwaway PostgreSQL cluster as scripts/test.sh does.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

TESTS=tests/SharingPlatform.IntegrationTests
GENERATED=$TESTS/ApiClient/Generated
PG_TMP=""

cleanup() {
  if [ -n "$PG_TMP" ]; then
    stop_cluster "$PG_TMP/data" >/dev/null 2>&1 || true
    rm -rf -- "$PG_TMP"
    PG_TMP=""
  fi
}
trap cleanup EXIT

if [ -z "${SHARINGPLATFORM_TEST_POSTGRES:-}" ]; then
  ensure_postgres
  PG_TMP=$(mktemp -d /tmp/sharingplatform-openapi-pg.XXXXXX)
  if is_root; then chown postgres:postgres "$PG_TMP"; fi
  start_cluster "$PG_TMP/data" "$PG_TMP/port" throwaway
  export SHARINGPLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
fi

dotnet build "$TESTS" -c Release
SHARINGPLATFORM_UPDATE_OPENAPI=1 dotnet test "$TESTS" -c Release --no-build --filter "FullyQualifiedName~OpenApiSnapshotTests"

dotnet tool restore
editorconfig=$(cat "$GENERATED/.editorconfig")
KIOTA_CLI_TELEMETRY_OPTOUT=true dotnet kiota generate \
  --language CSharp --openapi docs/openapi/v1.json --output "$GENERATED" \
  --class-name SharingPlatformClient --namespace-name SharingPlatform.GeneratedClient \
  --exclude-backward-compatible --clean-output --log-level Warning
printf '%s\n' "$editorconfig" >"$GENERATED/.editorconfig"
rm -f "$GENERATED/.kiota.log"

dotnet build "$TESTS" -c Release
git status --short -- docs/openapi "$GENERATED"
