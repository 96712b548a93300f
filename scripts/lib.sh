# shellcheck shell=bash
# Shared helpers for scripts/run.sh and scripts/test.sh. Source it; do not run it.
#
# PostgreSQL runs as a private cluster owned by the caller, or by the `postgres`
# user when the caller is root (the server refuses to run as root).

PG_BIN=""      # set by ensure_postgres: /usr/lib/postgresql/<highest>/bin
PG_PORT=""     # set by start_cluster: the port the cluster listens on (127.0.0.1)
APT_UPDATED="" # apt-get update runs at most once per script

die() {
  echo "error: $*" >&2
  exit 1
}

is_root() {
  [ "$(id -u)" -eq 0 ]
}

# apt_install PACKAGE... — root only; waits for a dpkg lock held by another apt.
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "$@"
}

# require_package COMMAND_PATH_OR_NAME PACKAGE... — install as root, else say what to install.
require_package() {
  local what=$1
  shift
  if [ -x "$what" ] || command -v "$what" >/dev/null 2>&1; then
    return 0
  fi
  if is_root; then
    echo "Installing $* (for $what)..." >&2
    apt_install "$@"
  else
    die "$what is missing. Install it with: sudo apt-get install $*"
  fi
}

_find_pg_bin() {
  local initdb
  initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  if [ -x "$initdb" ]; then
    PG_BIN=${initdb%/initdb}
  fi
}

ensure_postgres() {
  _find_pg_bin
  if [ -z "$PG_BIN" ]; then
    if ! is_root; then
      die "PostgreSQL is not installed. Install it with: sudo apt-get install postgresql postgresql-contrib"
    fi
    echo "Installing PostgreSQL..." >&2
    apt_install postgresql postgresql-contrib
    _find_pg_bin
    [ -n "$PG_BIN" ] || die "PostgreSQL was installed but no /usr/lib/postgresql/*/bin/initdb was found"
  fi
  if is_root && ! id -u postgres >/dev/null 2>&1; then
    die "running as root needs the 'postgres' user (created by Debian's postgresql package)"
  fi
}

# pg_exec BINARY ARG... — run a PostgreSQL binary as the cluster owner.
pg_exec() {
  local bin=$1
  shift
  if is_root; then
    (cd / && runuser -u postgres -- "$PG_BIN/$bin" "$@")
  else
    "$PG_BIN/$bin" "$@"
  fi
}

# As root, the postgres user must reach DIR: every parent must be traversable.
_check_postgres_can_use() {
  local dir=$1
  is_root || return 0
  if ! runuser -u postgres -- test -x "$dir" -a -w "$dir"; then
    die "the postgres user cannot reach $dir; every parent directory must be traversable by it (see: namei -l $dir). Use a checkout outside /root, or chmod o+x the parents."
  fi
}

_port_in_use() {
  local port=$1
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    return 0
  fi
  command -v ss >/dev/null 2>&1 && [ -n "$(ss -Htln "sport = :$port")" ]
}

_pick_port() {
  local portfile=$1 port
  port=$(cat "$portfile" 2>/dev/null || true)
  if [[ "$port" =~ ^[0-9]+$ ]] && ! _port_in_use "$port"; then
    echo "$port"
    return 0
  fi
  for ((port = 55432; port < 55532; port++)); do
    if ! _port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port in 55432-55531 on 127.0.0.1"
}

_is_running() {
  [ -f "$1/PG_VERSION" ] && pg_exec pg_ctl status -D "$1" >/dev/null 2>&1
}

# start_cluster DIR PORTFILE [throwaway] — init if needed, start or reuse; sets PG_PORT.
start_cluster() {
  local dir portfile mode=${3:-} log sockdir opts
  [ -n "$PG_BIN" ] || ensure_postgres
  case "$mode" in "" | throwaway) ;; *) die "start_cluster: unknown mode '$mode'" ;; esac
  dir=$(realpath -m "$1")
  portfile=$(realpath -m "$2")
  log="$(dirname "$dir")/postgres.log"

  mkdir -p "$dir"
  if is_root; then
    if [ -f "$dir/PG_VERSION" ]; then
      [ "$(stat -c %U "$dir")" = postgres ] || die "$dir holds a cluster not owned by postgres"
    else
      chown postgres:postgres "$dir"
    fi
    touch "$log"
    chown postgres:postgres "$log"
  fi
  _check_postgres_can_use "$dir"

  if [ ! -f "$dir/PG_VERSION" ]; then
    pg_exec initdb -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi

  if _is_running "$dir"; then
    PG_PORT=$(sed -n 4p "$dir/postmaster.pid")
    echo "PostgreSQL already running in $dir on port $PG_PORT" >&2
  else
    PG_PORT=$(_pick_port "$portfile")
    # Sockets go in the data dir unless its path is too long or odd for a Unix socket.
    sockdir=$dir
    if [ ${#sockdir} -gt 90 ] || [[ ! "$sockdir" =~ ^[A-Za-z0-9._/+-]+$ ]]; then
      sockdir=$(mktemp -d /tmp/sharingplatform-pg-sock.XXXXXX)
      if is_root; then chown postgres:postgres "$sockdir"; fi
    fi
    opts="-p $PG_PORT -k $sockdir -c listen_addresses=127.0.0.1"
    if [ "$mode" = throwaway ]; then
      opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    fi
    if ! pg_exec pg_ctl -D "$dir" -l "$log" -w -s -o "$opts" start; then
      tail -n 20 "$log" >&2 || true
      die "PostgreSQL did not start (log: $log)"
    fi
    echo "PostgreSQL started in $dir on port $PG_PORT (log: $log)" >&2
  fi
  echo "$PG_PORT" >"$portfile"
}

# create_database PORT NAME — creates NAME unless it exists.
create_database() {
  local port=$1 name=$2
  [ -n "$PG_BIN" ] || ensure_postgres
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -v db="$name" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

# stop_cluster DIR — stops the cluster in DIR if it runs.
stop_cluster() {
  local dir sockdir
  dir=$(realpath -m "$1")
  if [ ! -f "$dir/PG_VERSION" ]; then
    echo "No PostgreSQL cluster in $dir" >&2
    return 0
  fi
  [ -n "$PG_BIN" ] || ensure_postgres
  if ! _is_running "$dir"; then
    echo "PostgreSQL in $dir is not running" >&2
    return 0
  fi
  sockdir=$(sed -n 5p "$dir/postmaster.pid")
  pg_exec pg_ctl -D "$dir" -w -s -m fast stop
  case "$sockdir" in
    /tmp/sharingplatform-pg-sock.*) rm -rf -- "$sockdir" ;;
  esac
  echo "PostgreSQL in $dir stopped" >&2
}
