#!/usr/bin/env bash
# Runs the site against a private PostgreSQL cluster kept in .data/postgres
# (unless ConnectionStrings__Default is set). `scripts/run.sh stop` stops the cluster.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

case "${1:-}" in
  "") ;;
  stop)
    stop_cluster .data/postgres
    exit 0
    ;;
  *)
    echo "usage: scripts/run.sh [stop]" >&2
    exit 2
    ;;
esac

require_package npm npm
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"

if [ -z "${ConnectionStrings__Default:-}" ]; then
  ensure_postgres
  mkdir -p .data
  start_cluster .data/postgres .data/postgres.port
  create_database "$PG_PORT" sharingplatform
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=sharingplatform;Username=postgres"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5000}"
# Links in emails point at the first address the site listens on, unless told otherwise.
export App__BaseUrl="${App__BaseUrl:-${ASPNETCORE_URLS%%;*}}"
exec dotnet run --project src/SharingPlatform.Web -c Release --no-launch-profile
