#!/usr/bin/env bash
# The production set-up of deploy/, brought up on this machine as a proof (README "Operating it"):
#   scripts/deploy-local.sh up      publish the app (Release, Production), start PostgreSQL, an SMTP sink, the app and
#                                   nginx with a self-signed certificate, make an administrator; prints the addresses
#   scripts/deploy-local.sh smoke   checks through nginx: HTTPS redirect, HSTS, readiness, cached static files,
#                                   the administrator signs in and reads the review queue, /metrics, a resident's
#                                   confirmation email, and a first booking end to end (scripts/deploy-smoke-booking.py)
#   scripts/deploy-local.sh load    public pages and search through nginx under load, with the app's memory before and after
#   scripts/deploy-local.sh drill   with DEPLOY_NODES=2 at up: the nodes share tokens, cookies, races and photos, and a
#                                   node killed under load loses no acknowledged booking (scripts/deploy-drill.py)
#   scripts/deploy-local.sh reminders  with DEPLOY_NODES=2 at up, after drill: DEPLOY_REMINDERS (10000) reminders made
#                                   due at once, the node running their dispatcher killed midway: each is delivered once
#   scripts/deploy-local.sh scale   with DEPLOY_NODES=3 at up: booking and search throughput with one, two and three nodes
#   scripts/deploy-local.sh down    stops all of it (the data stays in .data/deploy)
# Ports: DEPLOY_HTTPS_PORT (8443), DEPLOY_HTTP_PORT (8080), DEPLOY_APP_PORT (5080; node N listens on 5080+N-1).
# DEPLOY_NODES (1): how many app nodes nginx spreads requests over, all on one database and one uploads directory.
# DEPLOY_STANDBY (0): 1 adds a streaming standby of PostgreSQL with synchronous commit; the app names both servers.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

REPO=$(pwd)
DIR=$REPO/.data/deploy
HTTPS_PORT=${DEPLOY_HTTPS_PORT:-8443}
HTTP_PORT=${DEPLOY_HTTP_PORT:-8080}
APP_PORT=${DEPLOY_APP_PORT:-5080}

# A name of its own rather than localhost (for which ASP.NET Core sends no HSTS), resolved to 127.0.0.1 by curl.
NAME=sharing.deploy.example
PUBLIC=https://$NAME:$HTTPS_PORT
CURL=(curl -sS --resolve "$NAME:$HTTPS_PORT:127.0.0.1" --resolve "$NAME:$HTTP_PORT:127.0.0.1" --cacert "$DIR/tls/cert.pem")
ADMIN_EMAIL=admin@deploy.sharing.example
NODES=${DEPLOY_NODES:-$(cat "$DIR/nodes" 2>/dev/null || echo 1)}
STANDBY=${DEPLOY_STANDBY:-$(cat "$DIR/standby" 2>/dev/null || echo 0)}

log() { echo "deploy-local: $*" >&2; }

up() {
  require_package nginx nginx
  require_package openssl openssl
  command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"
  mkdir -p "$DIR"/{nginx,tls,uploads,logs}

  ensure_postgres
  start_cluster "$DIR/postgres" "$DIR/postgres.port"
  create_database "$PG_PORT" sharingplatform
  local connection="Host=127.0.0.1;Port=$PG_PORT;Database=sharingplatform;Username=postgres"
  if [ "$STANDBY" = 1 ]; then
    local primary=$PG_PORT
    start_standby "$primary"
    # Npgsql tries both and uses the one that accepts writes, so a promoted standby is found without a restart.
    connection="Host=127.0.0.1:$primary,127.0.0.1:$PG_PORT;Target Session Attributes=primary;Host Recheck Seconds=2;Database=sharingplatform;Username=postgres"
    PG_PORT=$primary
  fi
  echo "$STANDBY" >"$DIR/standby"

  log "publishing the app (Release, ReadyToRun)"
  dotnet publish src/SharingPlatform.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$DIR/app" --nologo -v quiet >"$DIR/logs/publish.log"

  if [ ! -f "$DIR/tls/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$NAME" -addext "subjectAltName=DNS:$NAME,DNS:localhost,IP:127.0.0.1" \
      -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null
    chmod 600 "$DIR/tls/key.pem"
  fi

  stop_process smtp
  rm -rf "$DIR/smtp.port" "$DIR/mail"
  mkdir -p "$DIR/mail"
  python3 bench/smtp-sink.py "$DIR/smtp.port" "$DIR/smtp.count" "$DIR/mail" >"$DIR/logs/smtp.log" 2>&1 &
  echo $! >"$DIR/smtp.pid"
  for ((i = 0; i < 50; i++)); do [ -s "$DIR/smtp.port" ] && break; sleep 0.1; done
  [ -s "$DIR/smtp.port" ] || die "the SMTP sink did not start (log: $DIR/logs/smtp.log)"

  # The settings, as /etc/sharingplatform/sharingplatform.env would hold them (mode 600), for this machine.
  umask 077
  cat >"$DIR/sharingplatform.env" <<ENV
ConnectionStrings__Default=$connection
ASPNETCORE_ENVIRONMENT=Production
App__BaseUrl=$PUBLIC
Proxy__KnownProxies=127.0.0.1
Smtp__Host=127.0.0.1
Smtp__Port=$(cat "$DIR/smtp.port")
Smtp__Security=None
Uploads__Directory=$DIR/uploads
RateLimiting__AccountPermitsPerMinute=${DEPLOY_ACCOUNT_PERMITS:-10}
ENV
  umask 022

  for pidfile in "$DIR"/app*.pid; do [ -e "$pidfile" ] && stop_process "$(basename "$pidfile" .pid)"; done
  local node
  for ((node = 1; node <= NODES; node++)); do start_node "$node"; done
  echo "$NODES" >"$DIR/nodes"
  rm -f "$DIR/app.pid"
  ln -s app1.pid "$DIR/app.pid"

  if [ ! -f "$DIR/admin.created" ]; then
    local password
    password=$(openssl rand -base64 18)
    (while IFS='=' read -r key value; do export "$key=$value"; done <"$DIR/sharingplatform.env" &&
      echo "$password" | dotnet "$DIR/app/SharingPlatform.Web.dll" --contentRoot "$DIR/app" create-admin "$ADMIN_EMAIL") >&2
    echo "$password" >"$DIR/admin.password"
    chmod 600 "$DIR/admin.password"
    touch "$DIR/admin.created"
  fi

  write_nginx "$NODES"
  log "up: $PUBLIC (self-signed: curl --resolve $NAME:$HTTPS_PORT:127.0.0.1 --cacert $DIR/tls/cert.pem), administrator $ADMIN_EMAIL, password in $DIR/admin.password"
}

# write_nginx N — nginx's configuration with app nodes 1 to N upstream, started or reloaded.
write_nginx() {
  local servers="" node
  for ((node = 1; node <= $1; node++)); do
    servers+="    server 127.0.0.1:$((APP_PORT + node - 1)) max_fails=3 fail_timeout=10s;\n"
  done
  sed -e "s|^ *server __APP_ADDRESS__.*$|${servers%\\n}|" -e "s|__HTTP_LISTEN__|127.0.0.1:$HTTP_PORT|" \
      -e "s|__HTTPS_LISTEN__|$(listen_addresses)|" -e "s|__HTTPS_PORT_SUFFIX__|:$HTTPS_PORT|" -e "s|__SERVER_NAME__|$NAME localhost|" \
      -e "s|__TLS_CERTIFICATE__|$DIR/tls/cert.pem|" -e "s|__TLS_KEY__|$DIR/tls/key.pem|" \
      -e "s|__WWWROOT__|$DIR/app/wwwroot|" -e "s|__UPLOADS__|$DIR/uploads|" deploy/nginx/sharingplatform.conf >"$DIR/nginx/site.conf"
  cat >"$DIR/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/logs/nginx-error.log;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    access_log $DIR/logs/nginx-access.log;
    client_body_temp_path $DIR/nginx/body;
    proxy_temp_path $DIR/nginx/proxy;
    fastcgi_temp_path $DIR/nginx/fastcgi;
    uwsgi_temp_path $DIR/nginx/uwsgi;
    scgi_temp_path $DIR/nginx/scgi;
    include $DIR/nginx/site.conf;
}
NGINX
  if [ -f "$DIR/nginx/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s reload
    sleep 1 # the new workers take over gracefully
  else
    nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
  fi
}

# start_standby PRIMARY_PORT — a streaming standby of the primary in $DIR/standby-pg, named standby1, which the primary
# waits for at every commit (synchronous_standby_names): a confirmed booking is on both servers. Sets PG_PORT to its port.
start_standby() {
  local primary=$1
  if [ -f "$DIR/standby-pg/PG_VERSION" ] && [ ! -f "$DIR/standby-pg/standby.signal" ]; then
    log "the standby was promoted by a drill: making it again from the primary"
    stop_cluster "$DIR/standby-pg"
    rm -rf "$DIR/standby-pg"
  fi
  if [ ! -f "$DIR/standby-pg/PG_VERSION" ]; then
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$primary" -U postgres -d postgres \
      -c "ALTER SYSTEM SET synchronous_standby_names = 'standby1'" -c "ALTER SYSTEM SET synchronous_commit = 'on'" -c "SELECT pg_reload_conf()"
    mkdir -p "$DIR/standby-pg"
    if is_root; then chown postgres:postgres "$DIR/standby-pg"; fi
    chmod 700 "$DIR/standby-pg"
    pg_exec pg_basebackup -h 127.0.0.1 -p "$primary" -U postgres -D "$DIR/standby-pg" -R -X stream
    echo "primary_conninfo = 'host=127.0.0.1 port=$primary user=postgres application_name=standby1'" >>"$DIR/standby-pg/postgresql.auto.conf"
    echo "synchronous_standby_names = ''" >>"$DIR/standby-pg/postgresql.auto.conf"
  fi
  start_cluster "$DIR/standby-pg" "$DIR/standby.port"
  log "standby on 127.0.0.1:$PG_PORT, streaming synchronously from 127.0.0.1:$primary"
}

# node_ports — the app nodes' ports, comma-separated.
node_ports() { local ports=() node; for ((node = 1; node <= NODES; node++)); do ports+=($((APP_PORT + node - 1))); done; (IFS=,; echo "${ports[*]}"); }

# start_node N — app node N on 127.0.0.1:APP_PORT+N-1 with the environment file, waited for until ready.
start_node() {
  local node=$1 port=$((APP_PORT + $1 - 1))
  log "starting app node $node on 127.0.0.1:$port (Production)"
  (set -a && while IFS='=' read -r key value; do export "$key=$value"; done <"$DIR/sharingplatform.env" &&
    export ASPNETCORE_URLS=http://127.0.0.1:$port &&
    exec dotnet "$DIR/app/SharingPlatform.Web.dll" --contentRoot "$DIR/app") >"$DIR/logs/app$node.log" 2>&1 &
  echo $! >"$DIR/app$node.pid"
  local started=$SECONDS
  for ((i = 0; i < 120; i++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break
    kill -0 "$(cat "$DIR/app$node.pid")" 2>/dev/null || { tail -n 30 "$DIR/logs/app$node.log" >&2; die "app node $node stopped (log: $DIR/logs/app$node.log)"; }
    sleep 0.5
  done
  log "app node $node is ready after $((SECONDS - started)) s"
}

# HTTPS on loopback and, for the smoke's "from outside" check, on this machine's first other address if it has one.
listen_addresses() {
  local outside
  outside=$(outside_address)
  if [ -n "$outside" ]; then echo "127.0.0.1:$HTTPS_PORT ssl http2; listen $outside:$HTTPS_PORT"; else echo "127.0.0.1:$HTTPS_PORT"; fi
}

# mail_links_to ADDRESS TEXT — a message to ADDRESS in the sink whose decoded body contains TEXT.
mail_links_to() {
  python3 - "$DIR/mail" "$1" "$2" <<'PY'
import email, email.policy, pathlib, sys
folder, to, text = sys.argv[1:4]
for path in pathlib.Path(folder).glob("*.eml"):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if to in str(message["To"]) and any(text in part.get_content() for part in message.walk() if part.get_content_type() == "text/plain"):
        sys.exit(0)
sys.exit(1)
PY
}

outside_address() { hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+\.' | grep -v '^127\.' | head -n 1; }

smoke() {
  local failed=0
  check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failed=1; fi; }
  local headers
  headers=$("${CURL[@]}" -D - -o /dev/null "$PUBLIC/Account/Login")
  check "plain HTTP is sent to HTTPS" '[ "$("${CURL[@]}" -o /dev/null -w "%{http_code} %{redirect_url}" "http://$NAME:$HTTP_PORT/Resources")" = "301 $PUBLIC/Resources" ]'
  check "the login page over HTTP/2 with HSTS and a Secure cookie" \
    'grep -qi "^HTTP/2 200" <<<"$headers" && grep -qi "^strict-transport-security:" <<<"$headers" && grep -qi "^set-cookie:.*secure" <<<"$headers"'
  check "readiness through nginx" '[ "$("${CURL[@]}" -o /dev/null -w "%{http_code}" "$PUBLIC/health/ready")" = 200 ]'
  check "static files from nginx, compressed and cached" \
    '"${CURL[@]}" -D - -o /dev/null -H "Accept-Encoding: gzip" "$PUBLIC/css/site.css" | grep -qi "^content-encoding: gzip" &&
     "${CURL[@]}" -D - -o /dev/null "$PUBLIC/css/site.css" | grep -qi "^cache-control: max-age=604800"'
  local token
  token=$("${CURL[@]}" -H "Content-Type: application/json" \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$(cat "$DIR/admin.password")\"}" "$PUBLIC/api/v1/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("accessToken",""))')
  check "the administrator signs in through nginx and reads the review queue" \
    '[ -n "$token" ] && [ "$("${CURL[@]}" -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $token" "$PUBLIC/api/v1/admin/queue")" = 200 ]'
  # A node shows the platform's counters once it has run a use case; nginx takes each request to the next node.
  check "/metrics through nginx from this machine, with the platform's counters" \
    'for _ in $(seq "$NODES"); do "${CURL[@]}" "$PUBLIC/metrics" | grep -q "^sharingplatform_use_cases_total{" && break; false; done'
  local outside
  outside=$(outside_address)
  if [ -n "$outside" ]; then
    check "/metrics refused by nginx from outside ($outside)" \
      '[ "$(curl -sS -k --interface "$outside" -o /dev/null -w "%{http_code}" --resolve "$NAME:$HTTPS_PORT:$outside" "https://$NAME:$HTTPS_PORT/metrics")" = 403 ]'
  fi
  local resident
  resident=smoke-$(date +%s)@deploy.sharing.example
  "${CURL[@]}" -o /dev/null -H "Content-Type: application/json" \
    -d "{\"email\":\"$resident\",\"password\":\"a-long-smoke-pass-phrase\",\"displayName\":\"시험 주민\"}" "$PUBLIC/api/v1/auth/register"
  check "a new resident's confirmation email reaches the SMTP sink, linking to the public address" \
    'for ((i = 0; i < 60; i++)); do grep -qs "$resident" "$DIR"/mail/*.eml && break; sleep 0.5; done; mail_links_to "$resident" "$PUBLIC/"'
  check "an upload larger than the limit is refused by nginx (413)" \
    '[ "$(head -c 12000000 /dev/zero | "${CURL[@]}" -o /dev/null -w "%{http_code}" -X POST --data-binary @- "$PUBLIC/api/v1/auth/login")" = 413 ]'
  python3 scripts/deploy-smoke-booking.py "$NAME" "$HTTPS_PORT" "$DIR/tls/cert.pem" "$DIR/mail" "$ADMIN_EMAIL" "$DIR/admin.password" "$(node_ports)" || failed=1
  log "app memory: $(ps -o rss= -p "$(cat "$DIR/app.pid")" | awk '{printf "%.0f MB", $1/1024}')"
  return $failed
}

# Public pages and the search API through nginx, each for DEPLOY_LOAD_SECONDS (20) with 16 connections, and the app's
# memory before and after: what the operators' "memory after a load run" figure is.
load() {
  require_package wrk wrk
  local seconds=${DEPLOY_LOAD_SECONDS:-20} pid
  pid=$(cat "$DIR/app.pid")
  memory() { ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}'; }
  echo "app memory at rest: $(memory)"
  printf '%-36s %10s %10s %10s\n' path "req/s" "p99" "non-2xx"
  for path in / /Resources /Labs /Circles "/api/v1/resources?category=space" "/api/v1/open-data/resources"; do
    wrk -t 2 -c 16 -d "${seconds}s" --latency -H "Host: $NAME:$HTTPS_PORT" "https://127.0.0.1:$HTTPS_PORT$path" |
      awk -v path="$path" '/Requests\/sec/ {rps=$2} /^ *99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%-36s %10s %10s %10s\n", path, rps, p99, bad+0}'
  done
  echo "app memory after the load: $(memory)"
  sleep 10
  echo "app memory 10 s later: $(memory)"
}

# Several nodes (up with DEPLOY_NODES=2 or more): tokens, cookies, a race and a photo across nodes, then SIGKILL of the
# last node under booking load with Idempotency-Key retries: no acknowledged booking lost, no key booked twice; then
# PostgreSQL restarted (fast, then immediate) under the same load: failures are 503s, not 500s, nothing acknowledged is
# lost, and background jobs (a confirmation email) resume within a minute.
drill() {
  [ "$NODES" -ge 2 ] || die "the drill needs two nodes or more: DEPLOY_NODES=2 scripts/deploy-local.sh up"
  local state=$DIR/drill.json failed=0 loader victim=$NODES pid
  ensure_postgres
  python3 scripts/deploy-drill.py prepare "$state" "$NAME" "$HTTPS_PORT" "$DIR/tls/cert.pem" "$DIR/mail" "$ADMIN_EMAIL" \
    "$DIR/admin.password" "$(node_ports)" || failed=1
  python3 scripts/deploy-drill.py load "$state" "${DEPLOY_DRILL_SECONDS:-30}" &
  loader=$!
  sleep 8
  pid=$(cat "$DIR/app$victim.pid")
  kill -9 "$pid"
  log "killed app node $victim (pid $pid) with SIGKILL under load"
  wait "$loader" || failed=1
  python3 scripts/deploy-drill.py verify "$state" || failed=1
  start_node "$victim"
  local mode
  for mode in fast immediate; do
    python3 scripts/deploy-drill.py load "$state" "${DEPLOY_DRILL_SECONDS:-30}" &
    loader=$!
    sleep 8
    pg_exec pg_ctl -D "$DIR/postgres" -l "$DIR/postgres.log" -m "$mode" -w -s restart
    log "restarted PostgreSQL (-m $mode) under load"
    wait "$loader" || failed=1
    python3 scripts/deploy-drill.py verify "$state" || failed=1
    python3 scripts/deploy-drill.py mail "$state" || failed=1
  done
  if [ "$STANDBY" = 1 ]; then
    python3 scripts/deploy-drill.py load "$state" "${DEPLOY_DRILL_SECONDS:-30}" &
    loader=$!
    sleep 8
    pg_exec pg_ctl -D "$DIR/postgres" -m immediate -w -s stop
    pg_exec pg_ctl -D "$DIR/standby-pg" -w -s promote
    log "stopped the primary (immediate) and promoted the standby under load"
    wait "$loader" || failed=1
    python3 scripts/deploy-drill.py verify "$state" || failed=1
    python3 scripts/deploy-drill.py mail "$state" || failed=1
    log "the old primary stays stopped; down, then up, starts again from it and makes a new standby"
  fi
  return $failed
}

# Reminders on several job servers (up with DEPLOY_NODES=2 or more, after drill, which leaves its state and booker):
# bookings are made through nginx until there are DEPLOY_REMINDERS (10000) unsent reminders, which are then all made
# due at once. When a quarter of them are sent, the node whose Hangfire worker runs the dispatcher (else the last) is
# killed with SIGKILL and started again. Checks: every reminder is marked sent, each has exactly one notification, and
# each email written since is sent and reached the SMTP sink exactly once (its Message-ID is the email's id).
reminders() {
  [ "$NODES" -ge 2 ] || die "the drill needs two nodes or more: DEPLOY_NODES=2 scripts/deploy-local.sh up"
  local state=$DIR/drill.json n=${DEPLOY_REMINDERS:-10000} failed=0
  [ -f "$state" ] || die "no $state: run scripts/deploy-local.sh drill first"
  ensure_postgres
  psql_app() { "$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$(cat "$DIR/postgres.port")" -U postgres -d sharingplatform "$@"; }
  while [ "$(psql_app -c "SELECT count(*) FROM reminders WHERE sent_at IS NULL AND due_at > now()")" -lt "$n" ]; do
    log "fewer than $n unsent reminders: booking for 30 s more"
    python3 scripts/deploy-drill.py load "$state" 30 >/dev/null
  done
  psql_app -c "DROP TABLE IF EXISTS drill_reminders" \
    -c "CREATE TABLE drill_reminders AS SELECT id FROM reminders WHERE sent_at IS NULL AND due_at > now() ORDER BY id LIMIT $n"
  local t0 started=$EPOCHREALTIME
  t0=$(psql_app -c "SELECT now()")
  psql_app -c "UPDATE reminders SET due_at = date_trunc('milliseconds', now() - random() * interval '1 minute') WHERE id IN (SELECT id FROM drill_reminders)"
  log "$n reminders made due at $t0; the dispatcher runs at the next minute"
  local sent=0 killed="" victim server pid
  for ((i = 0; i < 1200; i++)); do
    sent=$(psql_app -c "SELECT count(*) FROM reminders WHERE sent_at IS NOT NULL AND id IN (SELECT id FROM drill_reminders)")
    if [ -z "$killed" ] && [ "$sent" -ge $((n / 4)) ]; then
      server=$(psql_app -c "SELECT s.data->>'ServerId' FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
        WHERE j.statename = 'Processing' AND j.invocationdata->>'Type' LIKE '%DispatchRemindersJob%' LIMIT 1")
      pid=$(cut -d: -f2 <<<"$server")
      victim=$NODES
      for ((node = 1; node <= NODES; node++)); do [ "$(cat "$DIR/app$node.pid")" = "$pid" ] && victim=$node; done
      pid=$(cat "$DIR/app$victim.pid")
      kill -9 "$pid"
      killed="node $victim at $sent of $n sent ($([ "$server" ] && echo "it ran the dispatcher" || echo "the dispatcher had finished"))"
      log "killed app node $victim (pid $pid) with SIGKILL: $killed"
      start_node "$victim"
    fi
    [ "$sent" -ge "$n" ] && break
    sleep 0.5
  done
  local all_sent
  all_sent=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  # Emails claimed by the killed node are taken over after OutgoingEmail.ClaimTimeout (10 min) by the 5-minute sweep.
  local unsent
  for ((i = 0; i < 1000; i++)); do
    unsent=$(psql_app -c "SELECT count(*) FROM outgoing_emails WHERE created_at >= '$t0' AND sent_at IS NULL")
    [ "$unsent" = 0 ] && break
    sleep 1
  done
  local emails_done
  emails_done=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  local figures
  figures=$(psql_app -F ' ' -c "SELECT
      (SELECT count(*) FROM notifications n JOIN reminders r USING (recipient_id, kind, subject_id, due_at) JOIN drill_reminders d ON d.id = r.id),
      (SELECT count(*) FROM (SELECT 1 FROM notifications n JOIN reminders r USING (recipient_id, kind, subject_id, due_at)
         JOIN drill_reminders d ON d.id = r.id GROUP BY r.id HAVING count(*) > 1) twice),
      (SELECT count(*) FROM outgoing_emails WHERE created_at >= '$t0'),
      (SELECT count(*) FROM outgoing_emails WHERE created_at >= '$t0' AND sent_at IS NOT NULL)")
  local notified doubled emails emails_sent
  read -r notified doubled emails emails_sent <<<"$figures"
  psql_app -c "SELECT id FROM outgoing_emails WHERE created_at >= '$t0'" >"$DIR/drill-emails.txt"
  local delivery
  delivery=$(python3 - "$DIR/mail" "$DIR/drill-emails.txt" <<'PY'
import collections, pathlib, re, sys
wanted = set(pathlib.Path(sys.argv[2]).read_text().split())
seen = collections.Counter()
for path in pathlib.Path(sys.argv[1]).glob("*.eml"):
    match = re.search(rb"^Message-ID: <([0-9a-f-]+)@", path.read_bytes(), re.MULTILINE | re.IGNORECASE)
    if match and match.group(1).decode() in wanted:
        seen[match.group(1).decode()] += 1
print(len(wanted - set(seen)), sum(1 for count in seen.values() if count > 1))
PY
)
  local missing twice
  read -r missing twice <<<"$delivery"
  echo "     $n reminders due at once, two job servers; killed $killed"
  echo "     all marked sent after $all_sent s; the emails all sent after $emails_done s"
  check_line() { if [ "$2" = 1 ]; then echo "ok   $1"; else echo "FAIL $1"; failed=1; fi; }
  check_line "every reminder is marked sent: $sent of $n" "$([ "$sent" -ge "$n" ] && echo 1)"
  check_line "each reminder has one notification: $notified notifications for $n reminders, $doubled with two" \
    "$([ "$notified" -eq "$n" ] && [ "$doubled" = 0 ] && echo 1)"
  check_line "each email is sent and reached the SMTP sink once: $emails_sent of $emails written sent, $missing never arrived, $twice arrived twice" \
    "$([ "$emails_sent" -eq "$emails" ] && [ "$missing" = 0 ] && [ "$twice" = 0 ] && echo 1)"
  psql_app -c "DROP TABLE drill_reminders"
  return $failed
}

# Throughput with one, two and three app nodes against one primary (up with DEPLOY_NODES=3): nginx is given the first
# N nodes, then wrk books distinct free hours in 20 rooms for 21 residents (bench/wrk/booking.lua) and then searches,
# DEPLOY_LOAD_SECONDS (20) each with 16 connections, through nginx; the CPU each request cost the app nodes together and
# PostgreSQL comes from /proc. Everything shares this machine's cores: what it shows is where the time goes.
scale() {
  [ "$NODES" -ge 3 ] || die "the scale drill needs three nodes: DEPLOY_NODES=3 scripts/deploy-local.sh up"
  require_package wrk wrk
  ensure_postgres
  local state=$DIR/scale.json seconds=${DEPLOY_LOAD_SECONDS:-20} nodes
  python3 scripts/deploy-drill.py prepare "$state" "$NAME" "$HTTPS_PORT" "$DIR/tls/cert.pem" "$DIR/mail" "$ADMIN_EMAIL" \
    "$DIR/admin.password" "$(node_ports)" >/dev/null
  python3 scripts/deploy-drill.py scale-prepare "$state" 20 21 "$DIR"
  ticks() { # the CPU ticks of the app nodes and of PostgreSQL's processes
    local app=0 pg=0 pid
    for ((node = 1; node <= NODES; node++)); do
      app=$((app + $(awk '{print $14 + $15}' "/proc/$(cat "$DIR/app$node.pid")/stat")))
    done
    for pid in $(pgrep -u postgres postgres); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
    echo "$app $pg"
  }
  field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
  run() { # run LABEL WRK-ARGS... — one wrk run: "rps p95 non2xx app-ms-per-request pg-ms-per-request"
    local before after result
    before=$(ticks)
    result=$(BENCH_LUA_DIR=$REPO/bench/wrk wrk -t 2 -c 16 -d "${seconds}s" "$@" | grep BENCH_RESULT)
    after=$(ticks)
    awk -v b="$before" -v a="$after" -v n="$(field "$result" requests)" -v hz="$(getconf CLK_TCK)" \
      -v rps="$(field "$result" rps)" -v p95="$(field "$result" p95_ms)" -v bad="$(field "$result" non2xx)" 'BEGIN {
        split(b, x, " "); split(a, y, " ");
        printf "%10s %8s %8s %8.2f %8.2f", rps, p95, bad, (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n }'
  }
  printf '%-6s | %10s %8s %8s %8s %8s | %10s %8s %8s %8s %8s\n' nodes "booking/s" "p95 ms" non-2xx "app ms" "pg ms" \
    "search/s" "p95 ms" non-2xx "app ms" "pg ms"
  for ((nodes = 1; nodes <= NODES; nodes++)); do
    write_nginx "$nodes"
    local booking search
    booking=$(BENCH_RESOURCES_FILE=$DIR/resources.txt BENCH_TOKENS_FILE=$DIR/tokens.txt BENCH_THREADS=2 \
      BENCH_BASE_EPOCH=$(($(date +%s) / 86400 * 86400 + (30 + 30 * nodes) * 86400)) \
      run -s bench/wrk/booking.lua "https://127.0.0.1:$HTTPS_PORT")
    search=$(run -s bench/wrk/search.lua "https://127.0.0.1:$HTTPS_PORT/api/v1/resources?municipality=jeonju&category=space")
    printf '%-6s | %s | %s\n' "$nodes" "$booking" "$search"
  done
  write_nginx "$NODES"
}

stop_process() {
  local pidfile=$DIR/$1.pid
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    for ((i = 0; i < 100; i++)); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

down() {
  if [ -f "$DIR/nginx/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit
  fi
  for pidfile in "$DIR"/app*.pid; do [ -e "$pidfile" ] && stop_process "$(basename "$pidfile" .pid)"; done
  stop_process smtp
  stop_cluster "$DIR/postgres"
  stop_cluster "$DIR/standby-pg"
  log "down"
}

case "${1:-}" in
  up) up ;;
  smoke) smoke ;;
  load) load ;;
  drill) drill ;;
  reminders) reminders ;;
  scale) scale ;;
  down) down ;;
  *)
    echo "usage: scripts/deploy-local.sh up|smoke|load|drill|reminders|scale|down" >&2
    exit 2
    ;;
esac
