#!/usr/bin/env bash
# Benchmark of booking creation and free-period search (see bench/README.md).
#   bench/run.sh            build, start the app in Release, generate data, load it with wrk and pgbench, print a summary
#   bench/run.sh reminders  the same set-up, then 100k due reminders delivered by the app's dispatcher (bench/reminders.sh)
#   bench/run.sh stop       stop the private bench PostgreSQL cluster (.data/bench-postgres/data)
# Settings are environment variables (BENCH_*); BENCH_QUICK=1 is a small, fast run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

MODE=api
case "${1:-}" in
  "") ;;
  reminders) MODE=reminders ;;
  stop)
    stop_cluster .data/bench-postgres/data
    exit 0
    ;;
  *)
    echo "usage: bench/run.sh [reminders|stop]" >&2
    exit 2
    ;;
esac

# ---------------------------------------------------------------- settings
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  : "${BENCH_RESOURCES:=10000}" "${BENCH_BOOKINGS:=200000}" "${BENCH_BACKGROUND_USERS:=2000}"
  : "${BENCH_API_USERS:=50}" "${BENCH_DURATION:=5}" "${BENCH_WARMUP:=2}" "${BENCH_APP_WARMUP:=5}" "${BENCH_SETTLE_MAX:=0}"
  : "${BENCH_TENTH:=0}" "${BENCH_REST_S:=0}"
fi
BENCH_RESOURCES=${BENCH_RESOURCES:-100000}
BENCH_BOOKINGS=${BENCH_BOOKINGS:-2000000}
BENCH_BACKGROUND_USERS=${BENCH_BACKGROUND_USERS:-20000}
BENCH_API_USERS=${BENCH_API_USERS:-200}
BENCH_DURATION=${BENCH_DURATION:-20}
BENCH_WARMUP=${BENCH_WARMUP:-5}
# The app's first load (a) warms up longer: the runtime compiles the hot code again, optimized, in the first minutes
# under load, and a server runs for days after that. The warm-ups of (a), (b) and (b2) then go on in 5 s steps while
# the runtime's compiler is still busy (more than BENCH_SETTLE_JIT_S seconds spent compiling in the last step, summed
# over threads), for at most BENCH_SETTLE_MAX seconds: a fresh app reported 40 s spent compiling in its first 65 s of
# bookings and 20 s in the next 65.
BENCH_APP_WARMUP=${BENCH_APP_WARMUP:-45}
BENCH_SETTLE_MAX=${BENCH_SETTLE_MAX:-120}
BENCH_SETTLE_JIT_S=${BENCH_SETTLE_JIT_S:-0.25}
# After the pages, how long the idle app may take to release the load's memory before its RSS is read at rest: it
# releases the managed heap after its first quiet minute, which may end up to two minutes after the load.
BENCH_REST_S=${BENCH_REST_S:-130}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_MUNICIPALITY=${BENCH_MUNICIPALITY:-jeonju}
BENCH_LENT=${BENCH_LENT:-2000}
BENCH_PGBENCH_MODE=${BENCH_PGBENCH_MODE:-prepared}
BENCH_APP_REF=${BENCH_APP_REF:-}
BENCH_REUSE_DATA=${BENCH_REUSE_DATA:-0}
BENCH_APP_PORT=${BENCH_APP_PORT:-}
# The searches (b) and (b2) again at the end, on one tenth of the data in a database of its own: the free-period
# search should cost about the same whatever the size of the catalog (target: p95 at most twice the tenth's).
BENCH_TENTH=${BENCH_TENTH:-1}

for name in BENCH_RESOURCES BENCH_BOOKINGS BENCH_BACKGROUND_USERS BENCH_API_USERS BENCH_DURATION BENCH_WARMUP \
  BENCH_APP_WARMUP BENCH_SETTLE_MAX BENCH_CONNECTIONS BENCH_THREADS; do
  [[ "${!name}" =~ ^[0-9]+$ ]] || die "$name must be a whole number (is '${!name}')"
done
[ "$BENCH_API_USERS" -ge 1 ] || die "BENCH_API_USERS must be at least 1"
[[ "$BENCH_TENTH" =~ ^[01]$ ]] || die "BENCH_TENTH must be 0 or 1 (is '$BENCH_TENTH')"
[ "$BENCH_DURATION" -ge 1 ] || die "BENCH_DURATION must be at least 1"

WORK=.data/bench            # logs, token and id files, pgbench logs, the summary
ARTIFACTS=$REPO/.data/bench-artifacts
API_PASSWORD=bench-password-2026
mkdir -p "$WORK"
rm -f "$WORK"/pgbench_log* "$WORK"/*.out

log() { printf '\n== %s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"
require_package curl curl
require_package jq jq
require_package wrk wrk
ensure_postgres
PSQL="$PG_BIN/psql"
if [ "$MODE" = reminders ]; then
  require_package python3 python3
  # shellcheck source=bench/reminders.sh
  . bench/reminders.sh # functions only: reminders_settings, reminders_before_app, reminders_run, reminders_cleanup
  reminders_settings
fi
PGBENCH="$PG_BIN/pgbench"
[ -x "$PGBENCH" ] || die "pgbench is missing from $PG_BIN. Install it with: sudo apt-get install postgresql-contrib"

# ---------------------------------------------------------------- PostgreSQL
OWN_CLUSTER=0
if [ -z "${ConnectionStrings__Default:-}" ]; then
  OWN_CLUSTER=1
  # The cluster lives in .data/bench-postgres/data, its log beside it (start_cluster puts the log in the parent).
  mkdir -p .data/bench-postgres
  start_cluster .data/bench-postgres/data .data/bench-postgres/port
  # Benchmark settings, kept in the cluster's postgresql.auto.conf. fsync, synchronous_commit and full_page_writes are
  # off: a crash can corrupt this cluster (it holds only generated data); never do this with real data.
  "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres <<'SQL'
ALTER SYSTEM SET fsync = off;
ALTER SYSTEM SET synchronous_commit = off;
ALTER SYSTEM SET full_page_writes = off;
ALTER SYSTEM SET max_connections = 200;
ALTER SYSTEM SET shared_buffers = '2GB';
ALTER SYSTEM SET effective_cache_size = '8GB';
ALTER SYSTEM SET work_mem = '16MB';
ALTER SYSTEM SET maintenance_work_mem = '512MB';
ALTER SYSTEM SET max_wal_size = '8GB';
ALTER SYSTEM SET checkpoint_timeout = '30min';
ALTER SYSTEM SET random_page_cost = 1.1;
ALTER SYSTEM SET log_min_duration_statement = -1;
SELECT pg_reload_conf() \g /dev/null
SQL
  if [ "$("$PSQL" -X -Atq -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c \
    "SELECT count(*) FROM pg_settings WHERE pending_restart")" != 0 ]; then
    echo "Restarting the bench cluster for its benchmark settings..." >&2
    stop_cluster .data/bench-postgres/data
    start_cluster .data/bench-postgres/data .data/bench-postgres/port
  fi
  if [ "$BENCH_REUSE_DATA" != 1 ]; then
    PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres \
      -d postgres -c "DROP DATABASE IF EXISTS sharingplatform_bench WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS sharingplatform_bench_tenth WITH (FORCE)"
  fi
  create_database "$PG_PORT" sharingplatform_bench
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=sharingplatform_bench;Username=postgres"
fi

# psql and pgbench read the same connection string, as PG* variables.
PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE=postgres PGUSER=postgres
IFS=';' read -ra cs_parts <<<"$ConnectionStrings__Default"
for part in "${cs_parts[@]}"; do
  key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
  value=${part#*=}
  case "$key" in
    host | server) PGHOST=$value ;;
    port) PGPORT=$value ;;
    database) PGDATABASE=$value ;;
    username | userid | user) PGUSER=$value ;;
    password) export PGPASSWORD=$value ;;
  esac
done
export PGHOST PGPORT PGDATABASE PGUSER
sql() { PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -Atq -v ON_ERROR_STOP=1 "$@"; }

# ---------------------------------------------------------------- build
if [ -n "$BENCH_APP_REF" ]; then
  # A committed version, exported (git archive reads the repository, changes nothing) and built on its own.
  APP_SRC=$REPO/.data/bench-src
  log "Exporting $BENCH_APP_REF to $APP_SRC"
  rm -rf "$APP_SRC"
  mkdir -p "$APP_SRC"
  git archive --format=tar "$BENCH_APP_REF" | tar -x -C "$APP_SRC"
  APP_LABEL="$(git rev-parse --short "$BENCH_APP_REF") ($BENCH_APP_REF)"
else
  APP_SRC=$REPO
  APP_LABEL="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git status --porcelain --untracked-files=no -- src migrations 2>/dev/null)" ]; then
    APP_LABEL+=" + uncommitted changes in src/ or migrations/"
  fi
fi

log "Publishing the app as production does (Release, ReadyToRun) and building the data generator"
# Outputs go under .data/bench-artifacts, so the build never touches the bin/ and obj/ of other builds. The app is
# published with precompiled code, as scripts/deploy-local.sh and a server install do: the runtime then compiles only
# what has no precompiled code and what turns out hot, which moves both the CPU and the memory measured here.
rm -rf "$ARTIFACTS/app-publish"
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v q \
  --artifacts-path "$ARTIFACTS/app" -o "$ARTIFACTS/app-publish" "$APP_SRC/src/SharingPlatform.Web" >"$WORK/build.log" 2>&1 || {
  tail -n 30 "$WORK/build.log" >&2
  die "the app does not build (log: $WORK/build.log). To benchmark the last commit instead: BENCH_APP_REF=HEAD bench/run.sh"
}
dotnet build -c Release -nologo -v q --artifacts-path "$ARTIFACTS/generator" bench/SharingPlatform.Bench.DataGenerator \
  >>"$WORK/build.log" 2>&1 || {
  tail -n 30 "$WORK/build.log" >&2
  die "the data generator does not build (log: $WORK/build.log)"
}
APP_DLL=$ARTIFACTS/app-publish/SharingPlatform.Web.dll
GENERATOR_DLL=$ARTIFACTS/generator/bin/SharingPlatform.Bench.DataGenerator/release/SharingPlatform.Bench.DataGenerator.dll

# ---------------------------------------------------------------- app
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "$BENCH_APP_PORT" ]; then
  for ((p = 5180; p < 5280; p++)); do
    if port_free "$p"; then
      BENCH_APP_PORT=$p
      break
    fi
  done
  [ -n "$BENCH_APP_PORT" ] || die "no free TCP port in 5180-5279 on 127.0.0.1"
fi
port_free "$BENCH_APP_PORT" || die "port $BENCH_APP_PORT on 127.0.0.1 is in use"
BASE_URL=http://127.0.0.1:$BENCH_APP_PORT

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$APP_PID" 2>/dev/null || true
    echo "App stopped." >&2
  fi
  APP_PID=""
}
on_exit() {
  stop_app
  if declare -F reminders_cleanup >/dev/null; then reminders_cleanup; fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# The reminders run needs the job server (its dispatcher is a recurring job) and somewhere for the emails to go.
APP_RUN_SERVER=false APP_WORKERS=4 SMTP_PORT=2525
if [ "$MODE" = reminders ]; then reminders_before_app; fi

# start_app CONNECTION_STRING LOG — the app on $BASE_URL for that database (which it migrates), ready when it returns.
start_app() {
  local connection=$1 app_log=$2
  log "Starting the app on $BASE_URL (Production)"
  mkdir -p .data/bench-uploads
  # Production, as a server would run it, with these differences, all for the benchmark:
  # - no job server in this process (Jobs__RunServer=false): the confirmation emails of the bench sign-ups stay queued,
  #   so the Smtp host below, which production requires, is never contacted (bench/run.sh reminders runs the server,
  #   with the dispatcher every minute, and points Smtp at bench/smtp-sink.py);
  # - the sign-in/sign-up rate limit is raised so that the bench users can sign up and sign in from one address;
  # - the public address, which Production wants on https://, only appears in links in emails.
  ConnectionStrings__Default=$connection \
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=$BASE_URL \
    App__BaseUrl=https://bench.sharing.example \
    Smtp__Host=127.0.0.1 Smtp__Port=$SMTP_PORT Smtp__Security=None \
    Jobs__RunServer=$APP_RUN_SERVER Jobs__WorkerCount=$APP_WORKERS Notifications__DispatchEveryMinutes=1 \
    RateLimiting__AccountPermitsPerMinute=100000 \
    Uploads__Directory="$REPO/.data/bench-uploads" \
    Admin__Email="" Admin__Password="" \
    dotnet "$APP_DLL" --contentRoot "$ARTIFACTS/app-publish" >"$app_log" 2>&1 &
  APP_PID=$!

  local i
  for ((i = 0; ; i++)); do
    if curl -fsS -o /dev/null "$BASE_URL/health/ready" 2>/dev/null; then
      break
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$app_log" >&2
      die "the app stopped while starting (log: $app_log)"
    fi
    [ "$i" -lt 600 ] || die "the app was not ready after 120 s (log: $app_log)"
    sleep 0.2
  done
  echo "App ready (schema migrated)." >&2
}
start_app "$ConnectionStrings__Default" "$WORK/app.log"

# ---------------------------------------------------------------- data
log "Generating data: $BENCH_RESOURCES resources, $BENCH_BOOKINGS bookings, $BENCH_BACKGROUND_USERS users (binary COPY)"
gen_start=$(date +%s)
dotnet "$GENERATOR_DLL" --connection "$ConnectionStrings__Default" --resources "$BENCH_RESOURCES" \
  --bookings "$BENCH_BOOKINGS" --users "$BENCH_BACKGROUND_USERS" --skip-if-present
GENERATE_SECONDS=$(($(date +%s) - gen_start))

# CPU busy % of the whole machine over 2 s, while the app idles: others' builds or tests skew every number.
cpu_busy_pct() {
  local a b
  read -ra a < <(grep '^cpu ' /proc/stat)
  sleep 2
  read -ra b < <(grep '^cpu ' /proc/stat)
  awk -v u=$((b[1] + b[2] + b[3] + b[6] + b[7] - a[1] - a[2] - a[3] - a[6] - a[7])) \
    -v t=$((b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] - a[1] - a[2] - a[3] - a[4] - a[5] - a[6] - a[7])) \
    'BEGIN { printf "%.0f", (t > 0) ? 100 * u / t : 0 }'
}
# CPU time, in clock ticks, of the app process and of the bench cluster (the postmaster, its live backends, and the
# backends it has reaped): what each request costs, however busy the rest of the machine is.
CLK_TCK=$(getconf CLK_TCK)
app_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
pg_ticks() {
  [ "$OWN_CLUSTER" = 1 ] || { echo 0; return; }
  local pm
  pm=$(head -n 1 .data/bench-postgres/data/postmaster.pid)
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
    for child in $(pgrep -P "$pm"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done; } |
    awk '{ t += $1 } END { print t + 0 }'
}
if [ "$MODE" = reminders ]; then
  reminders_run
  exit 0
fi

log "Signing up, confirming and signing in $BENCH_API_USERS bench users through the API"
api_user_email() { printf 'bench-api-%d@bench.sharing.example' "$1"; }
register_user() {
  local email
  email=$(api_user_email "$1")
  curl -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$API_PASSWORD\",\"displayName\":\"벤치 사용자 $1\"}" \
    "$BASE_URL/api/v1/auth/register"
}
login_user() {
  curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$(api_user_email "$1")\",\"password\":\"$API_PASSWORD\"}" \
    "$BASE_URL/api/v1/auth/login" | jq -er .accessToken
}
export -f api_user_email register_user login_user
export BASE_URL API_PASSWORD
# Sign-up through the API answers at once and leaves the account to a background job (the answer is the same whether
# or not the address is taken), which this process, without a job server, never runs. So the sign-ups are made (and
# their answers checked), and the accounts are written in SQL, confirmed, with a password hash in ASP.NET Core
# Identity's own format (v3: PBKDF2 with HMAC-SHA512, 100,000 iterations), so that they sign in through the API.
seq 0 $((BENCH_API_USERS - 1)) | xargs -P 4 -I{} bash -c 'register_user {}' ||
  die "signing up the bench users failed (log: $WORK/app.log)"
API_HASH=$(python3 - "$API_PASSWORD" <<'PY'
import base64, hashlib, os, struct, sys
salt = os.urandom(16)
key = hashlib.pbkdf2_hmac("sha512", sys.argv[1].encode(), salt, 100000, 32)
print(base64.b64encode(b"\x01" + struct.pack(">III", 2, 100000, 16) + salt + key).decode())
PY
)
confirmed=$(sql -c "INSERT INTO users (id, display_name, preferred_language, registered_at, user_name, normalized_user_name, email,
      normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed,
      two_factor_enabled, lockout_enabled, access_failed_count)
    SELECT gen_random_uuid(), '벤치 사용자 ' || i, 'Korean', now(), e, upper(e), e, upper(e), true, '$API_HASH',
      upper(md5(random()::text)), gen_random_uuid()::text, false, false, true, 0
    FROM generate_series(0, $((BENCH_API_USERS - 1))) AS i, LATERAL (SELECT 'bench-api-' || i || '@bench.sharing.example' AS e) AS x
    ON CONFLICT (normalized_user_name) DO UPDATE SET password_hash = EXCLUDED.password_hash, email_confirmed = true
    RETURNING 1" | wc -l)
[ "$confirmed" -ge "$BENCH_API_USERS" ] || die "only $confirmed bench users were written"
seq 0 $((BENCH_API_USERS - 1)) | xargs -P 4 -I{} bash -c 'login_user {}' >"$WORK/tokens.txt" ||
  die "signing in the bench users failed (log: $WORK/app.log)"
[ "$(wc -l <"$WORK/tokens.txt")" -eq "$BENCH_API_USERS" ] || die "not every bench user got a token"

# Rows of earlier load runs go (BENCH_REUSE_DATA=1); the slot sequence starts again.
sql -c "DELETE FROM bookings WHERE purpose LIKE 'bench load%'" \
  -c "DELETE FROM hangfire.job WHERE id IN (SELECT jobid FROM hangfire.jobqueue WHERE queue = 'bench')" \
  -c "DELETE FROM hangfire.jobqueue WHERE queue = 'bench'" \
  -c "DROP SEQUENCE IF EXISTS bench.slot_seq" -c "CREATE SEQUENCE bench.slot_seq" -c "VACUUM ANALYZE bookings" >/dev/null
sql -c "SELECT resource_id FROM bench.resource_index ORDER BY n" >"$WORK/resources.txt"
BOOKABLE=$(wc -l <"$WORK/resources.txt")
[ "$BOOKABLE" -gt 0 ] || die "bench.resource_index is empty"
# Goods lending: BENCH_LENT published resources the booking runs never book (open on weekdays) lend 10,000 units each
# by the day, automatically approved; earlier loan runs go.
sql -c "DELETE FROM loans WHERE purpose LIKE 'bench load%'" -c "DROP TABLE IF EXISTS bench.lent_index" \
  -c "CREATE TABLE bench.lent_index AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id AS resource_id FROM resources
      WHERE status = 'Published' AND id NOT IN (SELECT resource_id FROM bench.resource_index) ORDER BY id LIMIT $BENCH_LENT" \
  -c "ALTER TABLE bench.lent_index ADD PRIMARY KEY (n)" \
  -c "UPDATE resources SET lending = '{\"units\": 10000, \"unitLabels\": [], \"maxLoanDays\": 7, \"maxUnitsPerPerson\": 10000,
      \"minNoticeDays\": 0, \"horizonDays\": 365, \"depositWon\": 0, \"approvalMode\": \"automatic\"}' WHERE id IN (SELECT resource_id FROM bench.lent_index)" \
  -c "DELETE FROM loan_days WHERE resource_id IN (SELECT resource_id FROM bench.lent_index)" \
  -c "DROP SEQUENCE IF EXISTS bench.loan_seq" -c "CREATE SEQUENCE bench.loan_seq" -c "VACUUM ANALYZE resources" >/dev/null
sql -c "SELECT resource_id FROM bench.lent_index ORDER BY n" >"$WORK/lent.txt"
LENT=$(wc -l <"$WORK/lent.txt")
[ "$LENT" -gt 0 ] || die "no resource to lend: bench.lent_index is empty"

read -r N_RESOURCES N_BOOKINGS N_USERS < <(sql -F ' ' -c \
  "SELECT (SELECT count(*) FROM resources), (SELECT count(*) FROM bookings), (SELECT count(*) FROM users)")

# Seoul midnight N days from today, as epoch seconds. The generated bookings end future-days (60) ahead;
# the smoke booking takes day 99, the load runs book from day 100 (warm-up), 120 (API) and 240 (pgbench), inside
# the 365-day horizon.
seoul_midnight_in() { TZ=Asia/Seoul date -d "$(TZ=Asia/Seoul date +%F) +$1 days" +%s; }

# One booking through curl first: a refusal shows its problem details here instead of as a wall of non-2xx.
first_resource=$(head -n 1 "$WORK/resources.txt")
smoke_start=$(seoul_midnight_in 99)
smoke_body=$(printf '{"resourceId":"%s","startsAt":"%s","endsAt":"%s","attendees":1,"purpose":"bench load smoke"}' \
  "$first_resource" "$(date -u -d "@$((smoke_start + 23 * 3600))" +%FT%TZ)" "$(date -u -d "@$((smoke_start + 24 * 3600))" +%FT%TZ)")
smoke_status=$(curl -sS -o "$WORK/smoke.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $(head -n 1 "$WORK/tokens.txt")" -d "$smoke_body" "$BASE_URL/api/v1/bookings")
if [ "$smoke_status" != 201 ]; then
  cat "$WORK/smoke.json" >&2
  die "a single booking through the API answered $smoke_status instead of 201"
fi

# ---------------------------------------------------------------- load
# The sign-ups, the clean-up above and PostgreSQL's own background work (autovacuum, checkpoints) settle first: wait up
# to a minute for the machine to be quiet.
for _ in $(seq 1 30); do
  IDLE_BUSY=$(cpu_busy_pct)
  [ "$IDLE_BUSY" -gt 10 ] || break
done
echo "CPU busy before the load, with the app idle: $IDLE_BUSY %" >&2
export BENCH_LUA_DIR=$REPO/bench/wrk BENCH_THREADS BENCH_RESOURCES_FILE=$REPO/$WORK/resources.txt \
  BENCH_TOKENS_FILE=$REPO/$WORK/tokens.txt BENCH_LENT_FILE=$REPO/$WORK/lent.txt

# cpu_per_request BEFORE_APP BEFORE_PG REQUESTS — "app=X pg=Y" in ms of CPU per request since BEFORE_*.
cpu_per_request() {
  awk -v a=$(($(app_ticks) - $1)) -v p=$(($(pg_ticks) - $2)) -v n="$3" -v hz="$CLK_TCK" -v own="$OWN_CLUSTER" \
    'BEGIN { printf "app=%.2f pg=%s", 1000 * a / hz / n, own == 1 ? sprintf("%.2f", 1000 * p / hz / n) : "n/a" }'
}

# run_wrk NAME SECONDS SCRIPT URL — prints wrk's output to $WORK/NAME.out and the BENCH_RESULT line to stdout.
run_wrk() {
  local name=$1 seconds=$2 script=$3 url=$4
  wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" -d "${seconds}s" --timeout 30s --latency -s "$script" "$url" \
    >"$WORK/$name.out" 2>&1 || {
    cat "$WORK/$name.out" >&2
    die "wrk failed ($name)"
  }
  grep '^BENCH_RESULT' "$WORK/$name.out" || die "no result line in $WORK/$name.out"
}
# field LINE KEY — the value of KEY=value in a BENCH_RESULT line.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
# jit_seconds — the seconds the app's runtime has spent compiling code since it started, summed over threads (its /metrics).
jit_seconds() { curl -fsS "$BASE_URL/metrics" | awk '/^dotnet_jit_compilation_time_seconds_total/ { print $2 }'; }
# settle COMMAND... — runs COMMAND STEP (STEP = 1, 2, ...: 5 s more of the warm-up load each) while the runtime's
# compiler spent more than BENCH_SETTLE_JIT_S seconds in the step before, BENCH_SETTLE_MAX seconds at most; prints how
# many seconds it added.
settle() {
  local step=0 before after
  after=$(jit_seconds)
  while [ $((step * 5)) -lt "$BENCH_SETTLE_MAX" ]; do
    before=$after
    step=$((step + 1))
    "$@" "$step" || return 1
    after=$(jit_seconds)
    awk -v a="$before" -v b="$after" -v limit="$BENCH_SETTLE_JIT_S" 'BEGIN { exit !(b - a > limit) }' || break
  done
  echo $((step * 5))
}
# jit_since SECONDS_BEFORE — the seconds spent compiling since then, for the report.
jit_since() { awk -v a="$1" -v b="$(jit_seconds)" 'BEGIN { printf "%.1f", b - a }'; }

log "(a) POST /api/v1/bookings: wrk, $BENCH_CONNECTIONS connections, ${BENCH_APP_WARMUP} s warm-up (the app's first load) + ${BENCH_DURATION} s"
BENCH_BASE_EPOCH=$(seoul_midnight_in 100) run_wrk booking-warmup "$BENCH_APP_WARMUP" bench/wrk/booking.lua "$BASE_URL" >/dev/null
# Each 5 s step books an hour of its own on day 100 (a step is well under one booking per resource).
booking_step() { BENCH_BASE_EPOCH=$(($(seoul_midnight_in 100) + $1 * 3600)) run_wrk booking-warmup 5 bench/wrk/booking.lua "$BASE_URL" >/dev/null; }
BOOKING_SETTLE=$(settle booking_step) || die "the warm-up failed (booking_step)"
api_base=$(seoul_midnight_in 120)
app0=$(app_ticks) pg0=$(pg_ticks) jit0=$(jit_seconds)
BOOKING=$(BENCH_BASE_EPOCH=$api_base run_wrk booking "$BENCH_DURATION" bench/wrk/booking.lua "$BASE_URL")
sleep 1 # requests still in flight when wrk stopped finish (wrk does not count them; the database does)
API_CREATED=$(sql -c "SELECT count(*) FROM bookings WHERE purpose = 'bench load api' AND starts_at >= to_timestamp($api_base)")
BOOKING_CPU=$(cpu_per_request "$app0" "$pg0" "$API_CREATED")
BOOKING_JIT=$(jit_since "$jit0")
echo "$BOOKING" >&2
echo "bookings created by the measured run: $API_CREATED; CPU ms per booking: $BOOKING_CPU; warm-up ${BENCH_APP_WARMUP} + $BOOKING_SETTLE s, compiler in the measured run: $BOOKING_JIT s" >&2

# Saturday 14:00-17:00 in Seoul, two weeks after the coming Saturday.
saturday=$(TZ=Asia/Seoul date -d "$(TZ=Asia/Seoul date -d 'next saturday' +%F) +14 days" +%F)
SEARCH_FROM="${saturday}T14:00:00+09:00"
SEARCH_TO="${saturday}T17:00:00+09:00"
urlencode() { jq -rn --arg v "$1" '$v|@uri'; }
SEARCH_URL="$BASE_URL/api/v1/resources?municipality=$BENCH_MUNICIPALITY&availableFrom=$(urlencode "$SEARCH_FROM")&availableTo=$(urlencode "$SEARCH_TO")"
search_check=$(curl -fsS "$SEARCH_URL") || die "the search answered an error: $SEARCH_URL"
SEARCH_TOTAL=$(jq -r 'if .totalCountCapped then "more than \(.totalCount)" else .totalCount end' <<<"$search_check")
log "(b) GET $SEARCH_URL ($SEARCH_TOTAL results): wrk, $BENCH_CONNECTIONS connections, ${BENCH_WARMUP} s warm-up + ${BENCH_DURATION} s"
run_wrk search-warmup "$BENCH_WARMUP" bench/wrk/search.lua "$SEARCH_URL" >/dev/null
search_step() { run_wrk search-warmup 5 bench/wrk/search.lua "$SEARCH_URL" >/dev/null; }
SEARCH_SETTLE=$(settle search_step) || die "the warm-up failed (search_step)"
app0=$(app_ticks) pg0=$(pg_ticks) jit0=$(jit_seconds)
SEARCH=$(run_wrk search "$BENCH_DURATION" bench/wrk/search.lua "$SEARCH_URL")
SEARCH_CPU=$(cpu_per_request "$app0" "$pg0" "$(field "$SEARCH" requests)")
SEARCH_JIT=$(jit_since "$jit0")
echo "$SEARCH" >&2
echo "CPU ms per search: $SEARCH_CPU; warm-up ${BENCH_WARMUP} + $SEARCH_SETTLE s, compiler in the measured run: $SEARCH_JIT s" >&2

# A word people type, in Korean, matched in titles and descriptions over the whole catalog.
TEXT_QUERY=${BENCH_TEXT_QUERY:-회의실}
TEXT_URL="$BASE_URL/api/v1/resources?q=$(urlencode "$TEXT_QUERY")"
text_check=$(curl -fsS "$TEXT_URL") || die "the text search answered an error: $TEXT_URL"
TEXT_TOTAL=$(jq -r 'if .totalCountCapped then "more than \(.totalCount)" else .totalCount end' <<<"$text_check")
log "(b2) GET $TEXT_URL ($TEXT_TOTAL results): wrk, $BENCH_CONNECTIONS connections, ${BENCH_WARMUP} s warm-up + ${BENCH_DURATION} s"
run_wrk text-warmup "$BENCH_WARMUP" bench/wrk/search.lua "$TEXT_URL" >/dev/null
text_step() { run_wrk text-warmup 5 bench/wrk/search.lua "$TEXT_URL" >/dev/null; }
TEXT_SETTLE=$(settle text_step) || die "the warm-up failed (text_step)"
app0=$(app_ticks) pg0=$(pg_ticks) jit0=$(jit_seconds)
TEXT=$(run_wrk text "$BENCH_DURATION" bench/wrk/search.lua "$TEXT_URL")
TEXT_CPU=$(cpu_per_request "$app0" "$pg0" "$(field "$TEXT" requests)")
TEXT_JIT=$(jit_since "$jit0")
echo "$TEXT" >&2
echo "CPU ms per text search: $TEXT_CPU; warm-up ${BENCH_WARMUP} + $TEXT_SETTLE s, compiler in the measured run: $TEXT_JIT s" >&2

log "(c) the booking INSERT with pgbench -M $BENCH_PGBENCH_MODE, $BENCH_CONNECTIONS connections, ${BENCH_WARMUP} s warm-up + ${BENCH_DURATION} s"
pgbench_args=(-n -M "$BENCH_PGBENCH_MODE" -c "$BENCH_CONNECTIONS" -j "$BENCH_THREADS" -f bench/pgbench/booking.sql
  -D "resources=$BOOKABLE" -D "users=$BENCH_BACKGROUND_USERS" -D "base=$(seoul_midnight_in 240)")
"$PGBENCH" "${pgbench_args[@]}" -T "$BENCH_WARMUP" >"$WORK/pgbench-warmup.out" 2>&1 || {
  cat "$WORK/pgbench-warmup.out" >&2
  die "pgbench failed (warm-up)"
}
sql -c "DELETE FROM bookings WHERE purpose = 'bench load pgbench'" >/dev/null
pg0=$(pg_ticks)
"$PGBENCH" "${pgbench_args[@]}" -T "$BENCH_DURATION" --log --log-prefix="$WORK/pgbench_log" >"$WORK/pgbench.out" 2>&1 || {
  cat "$WORK/pgbench.out" >&2
  die "pgbench failed"
}
grep -E '^(number of (transactions actually processed|failed)|latency average|tps)' "$WORK/pgbench.out" >&2 || true
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench.out")
[ -n "$PG_TPS" ] || die "no tps in $WORK/pgbench.out"
PG_TPS=$(awk -v t="$PG_TPS" 'BEGIN { printf "%.1f", t }')
PG_FAILED=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")
PG_FAILED=${PG_FAILED:-0}
PG_CREATED=$(sql -c "SELECT count(*) FROM bookings WHERE purpose = 'bench load pgbench'")
PGBENCH_CPU=$(awk -v p=$(($(pg_ticks) - pg0)) -v n="$PG_CREATED" -v hz="$CLK_TCK" -v own="$OWN_CLUSTER" \
  'BEGIN { print own == 1 ? sprintf("pg=%.2f", 1000 * p / hz / n) : "pg=n/a" }')
# Per-transaction log: "client transaction latency_us script epoch us"; percentiles by rank.
cat "$WORK"/pgbench_log.* | awk '{ print $3 }' | sort -n >"$WORK/pgbench-latencies.txt"
percentile() { awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }' "$WORK/pgbench-latencies.txt"; }
PG_P50=$(percentile 50)
PG_P95=$(percentile 95)
PG_P99=$(percentile 99)

log "(c2) the booking's whole transaction with pgbench -M $BENCH_PGBENCH_MODE (bench/pgbench/booking-transaction.sql), $BENCH_CONNECTIONS connections, ${BENCH_WARMUP} s warm-up + ${BENCH_DURATION} s"
tx_args=(-n -M "$BENCH_PGBENCH_MODE" -c "$BENCH_CONNECTIONS" -j "$BENCH_THREADS" -f bench/pgbench/booking-transaction.sql
  -D "resources=$BOOKABLE" -D "users=$BENCH_BACKGROUND_USERS")
"$PGBENCH" "${tx_args[@]}" -D "base=$(seoul_midnight_in 200)" -T "$BENCH_WARMUP" >"$WORK/pgbench-tx-warmup.out" 2>&1 || {
  cat "$WORK/pgbench-tx-warmup.out" >&2
  die "pgbench failed (booking transaction warm-up)"
}
tx_base=$(seoul_midnight_in 280)
pg0=$(pg_ticks)
"$PGBENCH" "${tx_args[@]}" -D "base=$tx_base" -T "$BENCH_DURATION" >"$WORK/pgbench-tx.out" 2>&1 || {
  cat "$WORK/pgbench-tx.out" >&2
  die "pgbench failed (booking transaction)"
}
PG_TX_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench-tx.out")
[ -n "$PG_TX_TPS" ] || die "no tps in $WORK/pgbench-tx.out"
PG_TX_TPS=$(awk -v t="$PG_TX_TPS" 'BEGIN { printf "%.1f", t }')
PG_TX_LATENCY=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench-tx.out")
PG_TX_CREATED=$(sql -c "SELECT count(*) FROM bookings WHERE purpose = 'bench load pgbench tx' AND starts_at >= to_timestamp($tx_base)")
PG_TX_CPU=$(awk -v p=$(($(pg_ticks) - pg0)) -v n="$PG_TX_CREATED" -v hz="$CLK_TCK" -v own="$OWN_CLUSTER" \
  'BEGIN { print own == 1 ? sprintf("pg=%.2f", 1000 * p / hz / n) : "pg=n/a" }')
echo "tps $PG_TX_TPS, latency average $PG_TX_LATENCY ms, $PG_TX_CREATED bookings; CPU ms per booking: $PG_TX_CPU" >&2

# The coming Wednesday N weeks from now: Seoul midnight as epoch seconds, and as days since 1970-01-01 for pgbench.
wednesday_in_weeks() { TZ=Asia/Seoul date -d "$(TZ=Asia/Seoul date -d 'next wednesday' +%F) +$((7 * $1)) days" +%s; }
log "(d) POST /api/v1/loans: wrk, $BENCH_CONNECTIONS connections, ${BENCH_WARMUP} s warm-up + ${BENCH_DURATION} s over $LENT lent resources"
BENCH_BASE_EPOCH=$(wednesday_in_weeks 1) run_wrk loan-warmup "$BENCH_WARMUP" bench/wrk/loan.lua "$BASE_URL" >/dev/null
loan_base=$(wednesday_in_weeks 2)
app0=$(app_ticks) pg0=$(pg_ticks)
LOAN=$(BENCH_BASE_EPOCH=$loan_base run_wrk loan "$BENCH_DURATION" bench/wrk/loan.lua "$BASE_URL")
sleep 1
LOAN_CREATED=$(sql -c "SELECT count(*) FROM loans WHERE purpose = 'bench load api' AND pickup_on >= (to_timestamp($loan_base) AT TIME ZONE 'Asia/Seoul')::date")
LOAN_CPU=$(cpu_per_request "$app0" "$pg0" "$LOAN_CREATED")
echo "$LOAN" >&2
echo "loans created by the measured run: $LOAN_CREATED; CPU ms per loan: $LOAN_CPU" >&2

log "(e) the loan SQL with pgbench -M $BENCH_PGBENCH_MODE, $BENCH_CONNECTIONS connections, ${BENCH_WARMUP} s warm-up + ${BENCH_DURATION} s"
loan_pgbench_args=(-n -M "$BENCH_PGBENCH_MODE" -c "$BENCH_CONNECTIONS" -j "$BENCH_THREADS" -f bench/pgbench/loan.sql
  -D "lent=$LENT" -D "users=$BENCH_BACKGROUND_USERS" -D "base=$(($(wednesday_in_weeks 30) / 86400 + 1))")
"$PGBENCH" "${loan_pgbench_args[@]}" -T "$BENCH_WARMUP" >"$WORK/pgbench-loan-warmup.out" 2>&1 || {
  cat "$WORK/pgbench-loan-warmup.out" >&2
  die "pgbench failed (loan warm-up)"
}
sql -c "DELETE FROM loans WHERE purpose = 'bench load pgbench'" >/dev/null
pg0=$(pg_ticks)
"$PGBENCH" "${loan_pgbench_args[@]}" -T "$BENCH_DURATION" >"$WORK/pgbench-loan.out" 2>&1 || {
  cat "$WORK/pgbench-loan.out" >&2
  die "pgbench failed (loans)"
}
PG_LOAN_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/pgbench-loan.out")
[ -n "$PG_LOAN_TPS" ] || die "no tps in $WORK/pgbench-loan.out"
PG_LOAN_TPS=$(awk -v t="$PG_LOAN_TPS" 'BEGIN { printf "%.1f", t }')
PG_LOAN_LATENCY=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench-loan.out")
PG_LOAN_CREATED=$(sql -c "SELECT count(*) FROM loans WHERE purpose = 'bench load pgbench'")
PG_LOAN_CPU=$(awk -v p=$(($(pg_ticks) - pg0)) -v n="$PG_LOAN_CREATED" -v hz="$CLK_TCK" -v own="$OWN_CLUSTER" \
  'BEGIN { print own == 1 ? sprintf("pg=%.2f", 1000 * p / hz / n) : "pg=n/a" }')
OVERSOLD=$(sql -c "SELECT count(*) FROM loan_days WHERE units_taken > units")

# ---------------------------------------------------------------- pages
# Each page for BENCH_PAGE_DURATION seconds after a short warm-up, beside /health/live (the framework answering with
# nothing to do) in the same minute. Anonymous pages are the public ones a visitor reads (kept in memory since
# PageCache); signed-in ones are made for the person each time (their public part from PublicAnswers).
BENCH_PAGE_DURATION=${BENCH_PAGE_DURATION:-10}
# set_cookies RESPONSE_HEADERS_FILE — "name=value; ..." from the Set-Cookie lines (curl ignores Secure cookies over http).
set_cookies() { sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' "$1" | paste -sd ';' | sed 's/;/; /g'; }
# As nginx forwards it: Production's cookies are https-only.
login_page=$(curl -fsS -H 'X-Forwarded-Proto: https' -D "$WORK/login-get.headers" "$BASE_URL/Account/Login") || die "GET /Account/Login failed"
login_token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$login_page" | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -D "$WORK/login-post.headers" -H 'X-Forwarded-Proto: https' -H "Cookie: $(set_cookies "$WORK/login-get.headers")" \
  --data-urlencode "Input.Email=$(api_user_email 0)" --data-urlencode "Input.Password=$API_PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$login_token" "$BASE_URL/Account/Login" || die "signing in to the site failed"
SITE_COOKIE=$(set_cookies "$WORK/login-post.headers")
grep -q 'sp.auth=' <<<"$SITE_COOKIE" || die "signing in to the site set no sp.auth cookie"
page_row() { # page_row LABEL PATH COOKIE
  local label=$1 path=$2 cookie=$3 result cpu
  BENCH_COOKIE=$cookie run_wrk page-warmup 2 bench/wrk/page.lua "$BASE_URL$path" >/dev/null
  app0=$(app_ticks) pg0=$(pg_ticks)
  result=$(BENCH_COOKIE=$cookie run_wrk page "$BENCH_PAGE_DURATION" bench/wrk/page.lua "$BASE_URL$path")
  cpu=$(cpu_per_request "$app0" "$pg0" "$(field "$result" requests)")
  echo "$label $path: $result; CPU ms per page: $cpu" >&2
  printf '%s\t%s\t%s\t%s\n' "$label" "$path" "$result" "$cpu"
}
log "(f) pages: wrk, $BENCH_CONNECTIONS connections, 2 s warm-up + $BENCH_PAGE_DURATION s each"
PAGE_ROWS=$(
  page_row framework /health/live ""
  page_row anonymous /Resources ""
  page_row anonymous /Labs ""
  page_row anonymous /Circles ""
  page_row anonymous "/Resources/Details/$first_resource" ""
  page_row signed-in / "$SITE_COOKIE"
  page_row signed-in /Resources "$SITE_COOKIE"
  page_row signed-in /Bookings/Mine "$SITE_COOKIE"
)
LIVE_RPS=$(awk -F'\t' '$2 == "/health/live" { print $3 }' <<<"$PAGE_ROWS" | sed -n 's/.* rps=\([^ ]*\).*/\1/p')
APP_RSS_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")

# The node at rest after the load: it releases its managed heap after a quiet minute (Hosting/MemoryRelease.cs), which
# its log says; the RSS is read once it has, or after BENCH_REST_S seconds.
log "The app at rest: waiting for it to release the memory of the load (at most ${BENCH_REST_S} s)"
released_before=$(grep -c "managed heap released" "$WORK/app.log" || true)
rest_start=$(date +%s)
while [ $(($(date +%s) - rest_start)) -lt "$BENCH_REST_S" ] &&
  [ "$(grep -c "managed heap released" "$WORK/app.log" || true)" -le "$released_before" ]; do
  sleep 2
done
sleep 2
APP_REST_S=$(($(date +%s) - rest_start))
APP_REST_RSS_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
APP_REST_NOTE=$(grep "managed heap released" "$WORK/app.log" | tail -n 1 | grep -oE '[0-9]+ MB committed before, [0-9]+ MB after, in [0-9.]+ ms' || echo "no release logged")

stop_app

# ---------------------------------------------------------------- one tenth
# (b) and (b2) once more, by a fresh app on a database with one tenth of the resources, bookings and users, generated
# the same way: how much of a search's cost grows with the catalog rather than with the answer.
TENTH_NOTE=""
if [ "$BENCH_TENTH" = 1 ] && [ "$OWN_CLUSTER" = 1 ]; then
  TENTH_DB=sharingplatform_bench_tenth
  TENTH_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=$TENTH_DB;Username=postgres"
  create_database "$PG_PORT" "$TENTH_DB"
  start_app "$TENTH_CONNECTION" "$WORK/app-tenth.log"
  log "One tenth of the data: $((BENCH_RESOURCES / 10)) resources, $((BENCH_BOOKINGS / 10)) bookings, $((BENCH_BACKGROUND_USERS / 10)) users, in $TENTH_DB"
  dotnet "$GENERATOR_DLL" --connection "$TENTH_CONNECTION" --resources $((BENCH_RESOURCES / 10)) \
    --bookings $((BENCH_BOOKINGS / 10)) --users $((BENCH_BACKGROUND_USERS / 10)) --skip-if-present
  read -r TENTH_RESOURCES TENTH_BOOKINGS < <(sql -d "$TENTH_DB" -F ' ' -c \
    "SELECT (SELECT count(*) FROM resources), (SELECT count(*) FROM bookings)")
  tenth_total() {
    local body
    body=$(curl -fsS "$1") || return 1
    jq -r 'if .totalCountCapped then "more than \(.totalCount)" else .totalCount end' <<<"$body"
  }
  SEARCH_TENTH_TOTAL=$(tenth_total "$SEARCH_URL") || die "the search answered an error at one tenth: $SEARCH_URL"
  TEXT_TENTH_TOTAL=$(tenth_total "$TEXT_URL") || die "the text search answered an error at one tenth: $TEXT_URL"
  # A fresh app: the first load warms up as long as (a) did, then each goes on while the compiler is busy.
  log "(b) and (b2) at one tenth: wrk, $BENCH_CONNECTIONS connections, ${BENCH_APP_WARMUP} s warm-up (the app's first load) + ${BENCH_DURATION} s each"
  run_wrk search-tenth-warmup "$BENCH_APP_WARMUP" bench/wrk/search.lua "$SEARCH_URL" >/dev/null
  settle search_step >/dev/null || die "the warm-up failed (search_step, one tenth)"
  app0=$(app_ticks) pg0=$(pg_ticks)
  SEARCH_TENTH=$(run_wrk search-tenth "$BENCH_DURATION" bench/wrk/search.lua "$SEARCH_URL")
  SEARCH_TENTH_CPU=$(cpu_per_request "$app0" "$pg0" "$(field "$SEARCH_TENTH" requests)")
  echo "$SEARCH_TENTH; CPU ms per search: $SEARCH_TENTH_CPU" >&2
  run_wrk text-tenth-warmup "$BENCH_WARMUP" bench/wrk/search.lua "$TEXT_URL" >/dev/null
  settle text_step >/dev/null || die "the warm-up failed (text_step, one tenth)"
  app0=$(app_ticks) pg0=$(pg_ticks)
  TEXT_TENTH=$(run_wrk text-tenth "$BENCH_DURATION" bench/wrk/search.lua "$TEXT_URL")
  TEXT_TENTH_CPU=$(cpu_per_request "$app0" "$pg0" "$(field "$TEXT_TENTH" requests)")
  echo "$TEXT_TENTH; CPU ms per text search: $TEXT_TENTH_CPU" >&2
  stop_app
elif [ "$BENCH_TENTH" = 1 ]; then
  TENTH_NOTE="not run: the database is yours (ConnectionStrings__Default), and the run makes no other database there"
else
  TENTH_NOTE="not run (BENCH_TENTH=0)"
fi

# ---------------------------------------------------------------- summary
ratio_pct=$(awk -v a="$(field "$BOOKING" rps)" -v b="$PG_TX_TPS" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }')
insert_pct=$(awk -v a="$(field "$BOOKING" rps)" -v b="$PG_TPS" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }')
verdict() { if awk -v v="$1" -v l="$2" "BEGIN { exit !(v $3 l) }"; then echo PASS; else echo FAIL; fi; }
booking_verdict=$(verdict "$ratio_pct" 50 '>=')
BOOKING_APP_MS=$(sed -n 's/^app=\([^ ]*\) .*/\1/p' <<<"$BOOKING_CPU")
page_table() {
  local label path result cpu rps share target
  while IFS=$'\t' read -r label path result cpu; do
    rps=$(field "$result" rps)
    share=$(awk -v a="$rps" -v b="$LIVE_RPS" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }')
    case $label in
      anonymous) target="≥ 25 %: $(verdict "$share" 25 '>=')" ;;
      signed-in) target="≥ 10 %: $(verdict "$share" 10 '>=')" ;;
      *) target="" ;;
    esac
    printf '| %s %s | %s | %s | %s | %s | %s %% | %s |\n' "$label" "$path" "$rps" "$(field "$result" p50_ms)" \
      "$(field "$result" p95_ms)" "$cpu" "$share" "$target"
  done <<<"$PAGE_ROWS"
}
search_verdict=$(verdict "$(field "$SEARCH" p95_ms)" 20 '<=')
# tenth_rows / tenth_lines — the one-tenth runs in the table, and how each search's p95 and CPU grew with ten times the data.
tenth_rows() {
  [ -z "$TENTH_NOTE" ] || return 0
  printf '\n| (b) at one tenth: %s resources, %s bookings (%s results) | %s | %s | %s | %s | %s non-2xx, %s socket |' \
    "$TENTH_RESOURCES" "$TENTH_BOOKINGS" "$SEARCH_TENTH_TOTAL" "$(field "$SEARCH_TENTH" rps)" "$(field "$SEARCH_TENTH" p50_ms)" \
    "$(field "$SEARCH_TENTH" p95_ms)" "$(field "$SEARCH_TENTH" p99_ms)" "$(field "$SEARCH_TENTH" non2xx)" "$(field "$SEARCH_TENTH" socket_errors)"
  printf '\n| (b2) at one tenth (%s results) | %s | %s | %s | %s | %s non-2xx, %s socket |' \
    "$TEXT_TENTH_TOTAL" "$(field "$TEXT_TENTH" rps)" "$(field "$TEXT_TENTH" p50_ms)" \
    "$(field "$TEXT_TENTH" p95_ms)" "$(field "$TEXT_TENTH" p99_ms)" "$(field "$TEXT_TENTH" non2xx)" "$(field "$TEXT_TENTH" socket_errors)"
}
tenth_lines() {
  if [ -n "$TENTH_NOTE" ]; then
    echo "- searches at one tenth of the data: $TENTH_NOTE"
    return 0
  fi
  local growth text_growth
  growth=$(awk -v a="$(field "$SEARCH" p95_ms)" -v b="$(field "$SEARCH_TENTH" p95_ms)" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
  text_growth=$(awk -v a="$(field "$TEXT" p95_ms)" -v b="$(field "$TEXT_TENTH" p95_ms)" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
  echo "- free-period search, ten times the data: p95 $(field "$SEARCH" p95_ms) ms against $(field "$SEARCH_TENTH" p95_ms) ms at one tenth, ${growth}x (target ≤ 2x): $(verdict "$growth" 2 '<='); CPU per search $SEARCH_CPU against $SEARCH_TENTH_CPU"
  echo "- text search, ten times the data: p95 $(field "$TEXT" p95_ms) ms against $(field "$TEXT_TENTH" p95_ms) ms at one tenth, ${text_growth}x; CPU per search $TEXT_CPU against $TEXT_TENTH_CPU"
}
text_verdict=$(verdict "$(field "$TEXT" p95_ms)" 20 '<=')
cluster_note="left running (stop it with: bench/run.sh stop)"
busy_note="$IDLE_BUSY % just before the load runs, with the app idle"
if [ "$IDLE_BUSY" -gt 10 ]; then
  busy_note+=" — other processes were using the CPU: these numbers are not reliable"
fi
[ "$OWN_CLUSTER" = 1 ] || cluster_note="yours (ConnectionStrings__Default), untouched"

summary=$(
  cat <<EOF
### Benchmark $(date -u +'%Y-%m-%d %H:%M UTC') — app $APP_LABEL
machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') RAM, PostgreSQL $("$PSQL" -X -Atq -c 'SHOW server_version' | cut -d' ' -f1); wrk, app and PostgreSQL on the same machine
app: published with ReadyToRun; runtime settings: $(grep -oE '"System\.(GC|Runtime\.Tiered)[A-Za-z.]*": [a-z0-9]+' "$ARTIFACTS/app-publish/SharingPlatform.Web.runtimeconfig.json" | tr -d '"' | paste -sd ' ')$(env | grep -E '^DOTNET_([Gg][Cc]|Tiered|TC_|ReadyToRun)' | sort | tr '\n' ' ' | sed 's/^/, from the environment: /; s/ $//')
data: $N_RESOURCES resources ($BOOKABLE always open and bookable by the load), $N_BOOKINGS bookings, $N_USERS users; generated in ${GENERATE_SECONDS} s
load: $BENCH_CONNECTIONS connections, $BENCH_THREADS threads, ${BENCH_DURATION} s each after ${BENCH_WARMUP} s warm-up (${BENCH_APP_WARMUP} s before the app's first, (a))
machine CPU busy: $busy_note

| scenario | req/s | p50 ms | p95 ms | p99 ms | errors |
|---|---:|---:|---:|---:|---|
| (a) API POST /api/v1/bookings | $(field "$BOOKING" rps) | $(field "$BOOKING" p50_ms) | $(field "$BOOKING" p95_ms) | $(field "$BOOKING" p99_ms) | $(field "$BOOKING" non2xx) non-2xx, $(field "$BOOKING" socket_errors) socket; $API_CREATED created for $(field "$BOOKING" requests) counted |
| (b) API GET /api/v1/resources (free-period search, $BENCH_MUNICIPALITY, $SEARCH_TOTAL results) | $(field "$SEARCH" rps) | $(field "$SEARCH" p50_ms) | $(field "$SEARCH" p95_ms) | $(field "$SEARCH" p99_ms) | $(field "$SEARCH" non2xx) non-2xx, $(field "$SEARCH" socket_errors) socket |
| (b2) API GET /api/v1/resources?q=$TEXT_QUERY (text search, $TEXT_TOTAL results) | $(field "$TEXT" rps) | $(field "$TEXT" p50_ms) | $(field "$TEXT" p95_ms) | $(field "$TEXT" p99_ms) | $(field "$TEXT" non2xx) non-2xx, $(field "$TEXT" socket_errors) socket |$(tenth_rows)
| (c) pgbench booking INSERT (-M $BENCH_PGBENCH_MODE) | $PG_TPS | $PG_P50 | $PG_P95 | $PG_P99 | $PG_FAILED failed; $PG_CREATED created |
| (c2) pgbench: the booking's whole transaction (-M $BENCH_PGBENCH_MODE) | $PG_TX_TPS | avg $PG_TX_LATENCY | | | $PG_TX_CREATED created |
| (d) API POST /api/v1/loans ($LENT lent resources) | $(field "$LOAN" rps) | $(field "$LOAN" p50_ms) | $(field "$LOAN" p95_ms) | $(field "$LOAN" p99_ms) | $(field "$LOAN" non2xx) non-2xx, $(field "$LOAN" socket_errors) socket; $LOAN_CREATED created for $(field "$LOAN" requests) counted |
| (e) pgbench loan SQL (-M $BENCH_PGBENCH_MODE) | $PG_LOAN_TPS | avg $PG_LOAN_LATENCY | | | $PG_LOAN_CREATED created |

- CPU per request (ms; app process, PostgreSQL): booking $BOOKING_CPU; search $SEARCH_CPU; text search $TEXT_CPU; pgbench INSERT $PGBENCH_CPU; pgbench booking transaction $PG_TX_CPU
- CPU per loan (ms): API $LOAN_CPU; pgbench $PG_LOAN_CPU; API loans / pgbench: $(awk -v a="$(field "$LOAN" rps)" -v b="$PG_LOAN_TPS" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }') %; days with more units promised than exist: $OVERSOLD
- API booking / pgbench running the booking's whole transaction (c2): ${ratio_pct} % (target ≥ 50 %): $booking_verdict; against the bare INSERT (c): ${insert_pct} %
- app CPU per booking: ${BOOKING_APP_MS} ms (target ≤ 1.5 ms): $(verdict "$BOOKING_APP_MS" 1.5 '<=')
- warm-up beyond the fixed one while the runtime's compiler was busy: booking ${BOOKING_SETTLE} s, search ${SEARCH_SETTLE} s, text search ${TEXT_SETTLE} s; time spent compiling in the measured runs: ${BOOKING_JIT}, ${SEARCH_JIT}, ${TEXT_JIT} s
- free-period search p95: $(field "$SEARCH" p95_ms) ms (target ≤ 20 ms at 100k resources / 2M bookings): $search_verdict
- text search p95: $(field "$TEXT" p95_ms) ms (target ≤ 20 ms over 100k Korean titles and descriptions): $text_verdict
$(tenth_lines)
- search window: $SEARCH_FROM – $SEARCH_TO
- PostgreSQL: $cluster_note

| page (f) | req/s | p50 ms | p95 ms | CPU ms per page | share of /health/live | target |
|---|---:|---:|---:|---|---:|---|
$(page_table)

- web process RSS right after every run above: ${APP_RSS_MB} MB; at rest ${APP_REST_S} s later: ${APP_REST_RSS_MB} MB (target ≤ 250 MB): $(verdict "$APP_REST_RSS_MB" 250 '<=') (the managed heap's release: $APP_REST_NOTE)
EOF
)
printf '\n%s\n' "$summary" | tee "$WORK/summary.md"
