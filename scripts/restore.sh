#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database and uploads directory (a new server, or after a
# loss): scripts/restore.sh BACKUP_DIR. Stop the app nodes first; start them afterwards (they apply any newer
# migrations at start). Settings as for backup.sh: ConnectionStrings__Default, Uploads__Directory.
set -euo pipefail

die() { echo "restore: $*" >&2; exit 1; }
source_dir=${1:?usage: scripts/restore.sh BACKUP_DIR}
: "${ConnectionStrings__Default:?ConnectionStrings__Default is not set}"
: "${Uploads__Directory:?Uploads__Directory is not set}"
[ -f "$source_dir/database.dump" ] && [ -f "$source_dir/uploads.tar" ] || die "$source_dir holds no backup"
(cd "$source_dir" && sha256sum --quiet -c SHA256SUMS) || die "$source_dir is damaged: its checksums do not match"

while IFS='=' read -r key value; do
  case "${key,,}" in
    host) export PGHOST=${value%%,*} ;;
    port) export PGPORT=$value ;;
    database) export PGDATABASE=$value ;;
    username | "user id" | user) export PGUSER=$value ;;
    password) export PGPASSWORD=$value ;;
  esac
done < <(tr ';' '\n' <<<"$ConnectionStrings__Default")

tables=$(psql -X -At -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
[ "$tables" = 0 ] || die "database $PGDATABASE is not empty ($tables tables): restore into an empty one"
mkdir -p "$Uploads__Directory"
[ -z "$(ls -A "$Uploads__Directory")" ] || die "$Uploads__Directory is not empty"

pg_restore --no-owner --exit-on-error --single-transaction --dbname="$PGDATABASE" "$source_dir/database.dump"
tar -C "$Uploads__Directory" -xf "$source_dir/uploads.tar"
echo "restore: $source_dir restored into $PGDATABASE and $Uploads__Directory"
