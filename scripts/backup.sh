#!/usr/bin/env bash
# A consistent backup of SharingPlatform: the database as one pg_dump in custom format (a snapshot of one moment, taken
# while the site runs) and the uploaded photos as a tar file, in BACKUP_DIRECTORY/<UTC time>/; backups older than
# BACKUP_KEEP_DAYS days are removed. Run nightly by deploy/systemd/sharingplatform-backup.timer.
# Settings (the app's own, from its environment file): ConnectionStrings__Default, Uploads__Directory,
# BACKUP_DIRECTORY (required), BACKUP_KEEP_DAYS (14). PostgreSQL's client tools must be installed.
set -euo pipefail

die() { echo "backup: $*" >&2; exit 1; }
: "${ConnectionStrings__Default:?ConnectionStrings__Default is not set}"
: "${Uploads__Directory:?Uploads__Directory is not set}"
: "${BACKUP_DIRECTORY:?BACKUP_DIRECTORY is not set}"
KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
[[ "$KEEP_DAYS" =~ ^[0-9]+$ ]] || die "BACKUP_KEEP_DAYS must be a number of days"
command -v pg_dump >/dev/null || die "pg_dump is missing (apt-get install postgresql-client)"

# The Npgsql connection string, as libpq's environment.
while IFS='=' read -r key value; do
  case "${key,,}" in
    host) export PGHOST=${value%%,*} ;;
    port) export PGPORT=$value ;;
    database) export PGDATABASE=$value ;;
    username | "user id" | user) export PGUSER=$value ;;
    password) export PGPASSWORD=$value ;;
  esac
done < <(tr ';' '\n' <<<"$ConnectionStrings__Default")

target=$BACKUP_DIRECTORY/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$target.partial"
pg_dump --format=custom --no-owner --file="$target.partial/database.dump"
tar -C "$Uploads__Directory" -cf "$target.partial/uploads.tar" .
(cd "$target.partial" && sha256sum database.dump uploads.tar >SHA256SUMS)
mv "$target.partial" "$target"
echo "backup: $target ($(du -sh "$target" | cut -f1))"

find "$BACKUP_DIRECTORY" -mindepth 1 -maxdepth 1 -type d -name '20*Z' -mtime +"$KEEP_DAYS" -print -exec rm -rf {} +
