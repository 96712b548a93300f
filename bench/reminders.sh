# shellcheck shell=bash
# The reminders run of bench/run.sh (bench/run.sh reminders; see bench/README.md). Sourced by run.sh, which calls:
#   reminders_settings    after the tools are checked: BENCH_REMINDER_* settings
#   reminders_before_app  before the app starts: the SMTP sink, the job server's settings, leftovers of earlier runs
#   reminders_run         once the app is up and the data is there: insert the reminders, poll, print the summary
#   reminders_cleanup     on exit: stops the SMTP sink and the poller
# It uses run.sh's sql, log, die, app_ticks, cpu_busy_pct, stop_app, CLK_TCK, OWN_CLUSTER, APP_PID, PSQL, WORK, ARTIFACTS,
# APP_LABEL and ConnectionStrings__Default.

reminders_settings() {
  if [ "${BENCH_QUICK:-0}" = 1 ]; then : "${BENCH_REMINDERS:=10000}"; fi
  BENCH_REMINDERS=${BENCH_REMINDERS:-100000}
  # send: the app's Hangfire workers (4, as shipped) send the emails while the dispatcher runs, as in production;
  # hold: one worker, busy with the dispatcher, so no email is sent before the last one is enqueued.
  BENCH_REMINDER_EMAILS=${BENCH_REMINDER_EMAILS:-send}
  BENCH_REMINDER_TIMEOUT=${BENCH_REMINDER_TIMEOUT:-1800} # s after the first reminder is sent
  BENCH_REMINDER_DRAIN=${BENCH_REMINDER_DRAIN:-0}        # 1: afterwards, wait until every email has been sent
  BENCH_REMINDER_TARGET=${BENCH_REMINDER_TARGET:-60}     # s for all of them, sent and their emails enqueued
  BENCH_REMINDER_PROBE=${BENCH_REMINDER_PROBE:-5000}     # emails for the enqueue-cost probe afterwards (0: none)
  for name in BENCH_REMINDERS BENCH_REMINDER_TIMEOUT BENCH_REMINDER_TARGET BENCH_REMINDER_PROBE; do
    [[ "${!name}" =~ ^[0-9]+$ ]] || die "$name must be a whole number (is '${!name}')"
  done
  [ "$BENCH_REMINDERS" -ge 1 ] || die "BENCH_REMINDERS must be at least 1"
  case "$BENCH_REMINDER_EMAILS" in
    send) : "${BENCH_REMINDER_WORKERS:=4}" ;;
    hold) BENCH_REMINDER_WORKERS=1 ;;
    *) die "BENCH_REMINDER_EMAILS must be send or hold (is '$BENCH_REMINDER_EMAILS')" ;;
  esac
  if ! [[ "$BENCH_REMINDER_WORKERS" =~ ^[0-9]+$ ]] || [ "$BENCH_REMINDER_WORKERS" -lt 1 ]; then
    die "BENCH_REMINDER_WORKERS must be at least 1"
  fi
  SINK_PID="" POLL_PID="" SAMPLER_PID=""
}

reminders_before_app() {
  log "Reminders run: the SMTP sink, and what earlier runs left"
  rm -f "$WORK/smtp-sink.port" "$WORK/smtp-sink.count"
  python3 bench/smtp-sink.py "$WORK/smtp-sink.port" "$WORK/smtp-sink.count" 2>"$WORK/smtp-sink.log" &
  SINK_PID=$!
  for _ in $(seq 1 50); do
    [ -s "$WORK/smtp-sink.port" ] && break
    kill -0 "$SINK_PID" 2>/dev/null || die "the SMTP sink did not start (log: $WORK/smtp-sink.log)"
    sleep 0.1
  done
  [ -s "$WORK/smtp-sink.port" ] || die "the SMTP sink did not say its port"
  SMTP_PORT=$(cat "$WORK/smtp-sink.port")
  # shellcheck disable=SC2034 # read by run.sh when it starts the app
  APP_RUN_SERVER=true
  APP_WORKERS=$BENCH_REMINDER_WORKERS
  echo "SMTP sink on 127.0.0.1:$SMTP_PORT (bench/smtp-sink.py); the app runs its job server with $APP_WORKERS workers" >&2

  # With BENCH_REUSE_DATA=1 the database holds what earlier runs left: jobs the API runs enqueued without a server
  # (their confirmation emails), the reminders, notifications and emails of earlier reminder runs. They go before the job
  # server starts, so that it does nothing but this run's work. Only bench rows: every bench email goes to
  # bench-...@bench.sharing.example, and BookingReminder notifications come only from this run (the API runs' reminders
  # are months ahead).
  sql <<'SQL' >/dev/null
DO $$
BEGIN
  IF to_regclass('hangfire.job') IS NOT NULL THEN
    TRUNCATE hangfire.jobqueue, hangfire.state, hangfire.jobparameter, hangfire.job;
  END IF;
  IF to_regclass('public.reminders') IS NOT NULL THEN
    DELETE FROM reminders WHERE sent_at IS NOT NULL OR due_at <= now();
    DELETE FROM notifications WHERE kind = 'BookingReminder';
  END IF;
  IF to_regclass('public.outgoing_emails') IS NOT NULL THEN
    DELETE FROM outgoing_emails WHERE "to" LIKE 'bench-%@bench.sharing.example';
  END IF;
END $$;
SQL
}

reminders_cleanup() {
  if [ -n "${SAMPLER_PID:-}" ] && kill -0 "$SAMPLER_PID" 2>/dev/null; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
  fi
  SAMPLER_PID=""
  if [ -n "${POLL_PID:-}" ] && kill -0 "$POLL_PID" 2>/dev/null; then
    kill "$POLL_PID" 2>/dev/null || true
    wait "$POLL_PID" 2>/dev/null || true
  fi
  POLL_PID=""
  if [ -n "${SINK_PID:-}" ] && kill -0 "$SINK_PID" 2>/dev/null; then
    kill "$SINK_PID" 2>/dev/null || true
    wait "$SINK_PID" 2>/dev/null || true
  fi
  SINK_PID=""
}

reminders_run() {
  local n=$BENCH_REMINDERS
  local email_type='SharingPlatform.Infrastructure.Email.SendEmailJob, %'

  log "Reminders: $n due BookingReminder reminders, delivered by the app's dispatcher (every minute); emails: $BENCH_REMINDER_EMAILS ($BENCH_REMINDER_WORKERS Hangfire workers)"

  # The job server catches up first (the recurring jobs that were due while no server ran: settling the bookings that
  # ended since the data was made, an empty dispatch), and the app goes idle.
  local settled=0 busy app_a app_b
  for _ in $(seq 1 90); do
    busy=$(sql -c "SELECT count(*) FILTER (WHERE statename IN ('Enqueued', 'Processing')) || ' ' ||
                          count(*) FILTER (WHERE statename = 'Succeeded' AND invocationdata->>'Type' LIKE '%SettleBookingsJob%')
                   FROM hangfire.job")
    app_a=$(app_ticks)
    sleep 2
    app_b=$(app_ticks)
    if [ "${busy%% *}" = 0 ] && [ "${busy##* }" -ge 1 ] && [ $((app_b - app_a)) -le $((CLK_TCK / 10)) ]; then
      settled=1
      break
    fi
  done
  [ "$settled" = 1 ] || echo "warning: the job server was still busy after 3 minutes ($busy jobs enqueued/processing, settled)" >&2

  # Confirmed bookings to remind of: the soonest ones (starting at least 2 h from now, so that settling never touches them
  # during the run). If the data has too few (a quick run), more confirmed bookings of background users are made in SQL,
  # on always-open resources from 300 days ahead (beyond the API's and pgbench's days), hour after hour.
  local available missing
  available=$(sql -c "SELECT count(*) FROM bookings WHERE status = 'Confirmed' AND starts_at > now() + interval '2 hours'")
  missing=$((n - available))
  if [ "$missing" -gt 0 ]; then
    echo "$available confirmed upcoming bookings; making $missing more (purpose 'bench reminders')" >&2
    sql -v missing="$missing" -v base="$(TZ=Asia/Seoul date -d "$(TZ=Asia/Seoul date +%F) +300 days" +%s)" <<'SQL' >/dev/null
WITH r AS (SELECT count(*) AS n FROM bench.resource_index),
     made AS (SELECT count(*) AS k0, min(starts_at) AS base FROM bookings WHERE purpose = 'bench reminders'),
     u AS (SELECT count(*) AS n FROM bench.user_index)
INSERT INTO bookings (id, resource_id, booker_id, starts_at, ends_at, blocked_until, attendees, purpose, status, created_at)
SELECT gen_random_uuid(), ri.resource_id, ui.user_id, s.starts_at, s.starts_at + interval '1 hour', s.starts_at + interval '1 hour',
       1, 'bench reminders', 'Confirmed', now()
FROM r CROSS JOIN made CROSS JOIN u
CROSS JOIN LATERAL generate_series(made.k0, made.k0 + :missing - 1) AS k
CROSS JOIN LATERAL (SELECT coalesce(made.base, to_timestamp(:base)) + (k / r.n) * interval '1 hour' AS starts_at) s
JOIN bench.resource_index ri ON ri.n = k % r.n
JOIN bench.user_index ui ON ui.n = (k * 7919) % u.n;
ANALYZE bookings;
SQL
  fi

  IDLE_BUSY_R=$(cpu_busy_pct)
  # Insert just after a minute starts (the dispatcher runs at each minute's start), so the insert is committed well
  # before the next run picks the reminders up.
  local sec
  sec=$(date +%-S)
  if [ "$sec" -lt 2 ] || [ "$sec" -gt 30 ]; then sleep $(((62 - sec) % 60)); fi
  # Due in the ten minutes before now (the dispatcher takes them oldest first); ids time-ordered like the app's UUIDv7.
  # expected emails: the recipients who did not turn BookingReminder emails off.
  # CPU samples every 100 ms from here on (bench/cpu-sampler.py): the app, the cluster, the SMTP sink.
  local postmaster=""
  [ "$OWN_CLUSTER" != 1 ] || postmaster=$(head -n 1 .data/bench-postgres/data/postmaster.pid)
  python3 bench/cpu-sampler.py sample "$WORK/reminders-cpu.txt" 0.1 "$APP_PID" "$SINK_PID" "$postmaster" &
  SAMPLER_PID=$!
  local t_insert0 insert_out lo hi expected
  t_insert0=$EPOCHREALTIME
  insert_out=$(sql -F ' ' -v n="$n" <<'SQL'
BEGIN; -- one now() for the due times and the bounds below
CREATE TEMP TABLE picked AS
SELECT b.id AS booking_id, b.booker_id
FROM bookings b
WHERE b.status = 'Confirmed' AND b.starts_at > now() + interval '2 hours'
ORDER BY b.starts_at
LIMIT :n;
INSERT INTO reminders (id, recipient_id, kind, subject_id, due_at, sent_at)
SELECT (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
        || substr(md5(random()::text), 1, 19))::uuid,
       p.booker_id, 'BookingReminder', p.booking_id,
       date_trunc('milliseconds', now() - random() * interval '10 minutes'), NULL
FROM picked p;
SELECT extract(epoch FROM now() - interval '10 minutes 1 second')::numeric(20, 3), extract(epoch FROM now() + interval '1 second')::numeric(20, 3),
       (SELECT count(*) FROM picked p JOIN users u ON u.id = p.booker_id WHERE NOT ('BookingReminder' = ANY (u.emails_off))),
       (SELECT count(DISTINCT booker_id) FROM picked);
COMMIT;
SQL
  )
  local t_insert1=$EPOCHREALTIME recipients inserted
  read -r lo hi expected recipients <<<"$(tail -n 1 <<<"$insert_out")"
  inserted=$(sql -c "SELECT count(*) FROM reminders WHERE due_at BETWEEN to_timestamp($lo) AND to_timestamp($hi)")
  [ "$inserted" -eq "$n" ] || die "only $inserted of $n reminders were inserted (too few confirmed bookings?)"
  local watermark
  watermark=$(sql -c "SELECT coalesce(max(id), 0) FROM hangfire.job")
  printf '%d reminders inserted in %.1f s (%d recipients; %d emails expected); waiting for the dispatcher (next minute)\n' \
    "$n" "$(awk -v a="$t_insert0" -v b="$t_insert1" 'BEGIN { print b - a }')" "$recipients" "$expected" >&2

  # The poller: one psql session kept open (no connection per poll), with a temporary table of the emails whose job it
  # has seen. Each poll adds the SendEmailJob jobs of this run's reminder emails from the watermark up (ids are taken in
  # order, but a row of a slower transaction could show up late: rows older than 1 s are final and move below the
  # watermark) and answers one row: whether a reminder of this run is still unsent (1/0; the dispatcher takes the oldest
  # first, so this looks at one index entry or few) | new watermark | emails newly seen with a job.
  # Counting each email once keeps out the duplicate jobs that SendUnsentEmailsJob enqueues for emails still unsent
  # after 5 minutes.
  coproc POLL { PGOPTIONS='-c client_min_messages=warning' exec "$PSQL" -X -Atq -F '|' -v ON_ERROR_STOP=1 2>>"$WORK/reminders-poll.err"; }
  # Index scans only: the planner's figures for hangfire.job are those of the empty table (truncated before the run).
  printf '%s\n' "SET enable_seqscan = off; CREATE TEMP TABLE seen (email_id uuid PRIMARY KEY); SELECT pg_backend_pid();" >&"${POLL[1]}"
  local poll_backend
  IFS= read -r poll_backend <&"${POLL[0]}" || die "the poller did not start (log: $WORK/reminders-poll.err)"
  local poll_backend_ticks0
  poll_backend_ticks0=$(awk '{ print $14 + $15 }' "/proc/$poll_backend/stat" 2>/dev/null || echo 0)
  local unsent=$n any_unsent jobs=0 fresh w=$watermark nw now_us start_wait_us=${EPOCHREALTIME/./} first_us=0
  local t_first="" t_sent="" t_jobs="" polls=0 poll_us=0 p0 line
  : >"$WORK/reminders-poll.log"
  while :; do
    now_t=$EPOCHREALTIME
    now_us=${now_t/./}
    p0=${EPOCHREALTIME/./}
    printf '%s\n' "WITH s AS (SELECT coalesce(max(id) FILTER (WHERE createdat < now() - interval '1 second'), $w) AS nw
                FROM hangfire.job WHERE id > $w),
      ins AS (INSERT INTO seen
              SELECT e.id FROM hangfire.job j CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN left(j.arguments->>0, 1) = '[' THEN (j.arguments->>0)::jsonb ELSE jsonb_build_array(trim(both '\"' FROM j.arguments->>0)) END) a(email_id) JOIN outgoing_emails e ON e.id = a.email_id::uuid
              WHERE j.id > $w AND j.invocationdata->>'Type' LIKE '$email_type'
                AND NOT EXISTS (SELECT FROM seen WHERE seen.email_id = a.email_id::uuid)
                AND e.created_at >= to_timestamp($hi) - interval '1 second'
                AND (e.subject LIKE '[공유경제 플랫폼] 예약 알림:%' OR e.subject LIKE '[SharingPlatform] Reminder:%')
              ON CONFLICT DO NOTHING RETURNING 1)
    SELECT (SELECT count(*) FROM (SELECT FROM reminders WHERE sent_at IS NULL AND due_at BETWEEN to_timestamp($lo) AND to_timestamp($hi) LIMIT 1) x),
           (SELECT nw FROM s), (SELECT count(*) FROM ins);" >&"${POLL[1]}"
    IFS= read -r line <&"${POLL[0]}" || die "the poller stopped (log: $WORK/reminders-poll.err)"
    poll_us=$((poll_us + ${EPOCHREALTIME/./} - p0))
    polls=$((polls + 1))
    IFS='|' read -r any_unsent nw fresh <<<"$line"
    w=$nw
    jobs=$((jobs + fresh))
    [ "$any_unsent" != 0 ] || unsent=0
    printf '%s %s %s\n' "$now_t" "$any_unsent" "$jobs" >>"$WORK/reminders-poll.log" # time, any reminder unsent (1/0), email jobs
    if [ -z "$t_first" ] && { [ "$unsent" = 0 ] || [ "$jobs" -gt 0 ]; }; then
      t_first=$now_t first_us=$now_us
      echo "first reminders sent; polling every 0.5 s" >&2
    fi
    if [ -z "$t_sent" ] && [ "$unsent" = 0 ]; then t_sent=$now_t; fi
    if [ -z "$t_jobs" ] && [ "$jobs" -ge "$expected" ]; then t_jobs=$now_t; fi
    [ -n "$t_sent" ] && [ -n "$t_jobs" ] && break
    if [ -z "$t_first" ]; then
      [ $((now_us - start_wait_us)) -le 150000000 ] || die "no reminder was sent within 150 s of the insert (log: $WORK/app.log)"
    elif [ $((now_us - first_us)) -gt $((BENCH_REMINDER_TIMEOUT * 1000000)) ]; then
      echo "warning: gave up after $BENCH_REMINDER_TIMEOUT s: reminders still unsent, $jobs of $expected email jobs enqueued" >&2
      break
    fi
    sleep 0.5
  done
  local t_end=$EPOCHREALTIME poll_pg_cpu
  unsent=$(sql -c "SELECT count(*) FROM reminders WHERE sent_at IS NULL AND due_at BETWEEN to_timestamp($lo) AND to_timestamp($hi)")
  poll_pg_cpu=$(awk -v t0="$poll_backend_ticks0" -v hz="$CLK_TCK" '{ printf "%.1f", ($14 + $15 - t0) / hz }' "/proc/$poll_backend/stat" 2>/dev/null || echo '?')

  # Precise moments from the database: the dispatcher stamps every reminder of one run with the moment the run began
  # (sent_at), and Hangfire stamps each job with the moment it was enqueued (createdat).
  local facts t0 runs enq_first enq_last distinct_emails
  facts=$(sql -F ' ' -c "
    SELECT extract(epoch FROM min(sent_at))::numeric(20, 3), count(DISTINCT sent_at)
    FROM reminders WHERE due_at BETWEEN to_timestamp($lo) AND to_timestamp($hi)")
  read -r t0 runs <<<"$facts"
  # The first SendEmailJob of each of this run's reminder emails (a later one is a SendUnsentEmailsJob duplicate).
  local our_emails="e.created_at >= to_timestamp($hi) - interval '1 second'
    AND (e.subject LIKE '[공유경제 플랫폼] 예약 알림:%' OR e.subject LIKE '[SharingPlatform] Reminder:%')"
  sql -c "CREATE TABLE IF NOT EXISTS bench.reminder_jobs (id bigint, created_at timestamptz, email_id uuid)" \
    -c "TRUNCATE bench.reminder_jobs" \
    -c "INSERT INTO bench.reminder_jobs
        SELECT DISTINCT ON (e.id) j.id, j.createdat, e.id
        FROM hangfire.job j CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN left(j.arguments->>0, 1) = '[' THEN (j.arguments->>0)::jsonb ELSE jsonb_build_array(trim(both '\"' FROM j.arguments->>0)) END) a(email_id) JOIN outgoing_emails e ON e.id = a.email_id::uuid
        WHERE j.id > $watermark AND j.invocationdata->>'Type' LIKE '$email_type' AND $our_emails
        ORDER BY e.id, j.id" >/dev/null
  local job_count
  job_count=$(sql -c "SELECT count(*) FROM hangfire.job j CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN left(j.arguments->>0, 1) = '[' THEN (j.arguments->>0)::jsonb ELSE jsonb_build_array(trim(both '\"' FROM j.arguments->>0)) END) a(email_id) JOIN outgoing_emails e ON e.id = a.email_id::uuid
                      WHERE j.id > $watermark AND j.invocationdata->>'Type' LIKE '$email_type' AND $our_emails")
  facts=$(sql -F ' ' -c "
    SELECT extract(epoch FROM min(created_at))::numeric(20, 3), extract(epoch FROM max(created_at))::numeric(20, 3), count(*)
    FROM bench.reminder_jobs")
  read -r enq_first enq_last distinct_emails <<<"$facts"
  local notified emails emails_sent
  read -r notified emails emails_sent < <(sql -F ' ' -c "
    SELECT (SELECT count(*) FROM notifications WHERE kind = 'BookingReminder' AND due_at BETWEEN to_timestamp($lo) AND to_timestamp($hi)),
           count(*), count(*) FILTER (WHERE sent_at IS NOT NULL)
    FROM outgoing_emails WHERE \"to\" LIKE 'bench-user-%@bench.sharing.example' AND created_at >= to_timestamp($t0) - interval '1 second'")

  # Where the time goes, from Hangfire's stamps. A batch of 500 reminders is one transaction; its emails are enqueued one
  # after the other after its commit. With one dispatcher run and an email for every reminder, jobs 1-500 in enqueue
  # order are batch 1, 501-1000 batch 2, and so on: within a batch the time from its first enqueue to its last is
  # enqueueing; from a batch's last enqueue to the next one's first (and from t0 to the first) is the next batch's SQL
  # and app work (select and lock, read the recipients and bookings, write, commit). Otherwise (a second run joined, or
  # some recipients turned the emails off), a gap of more than 50 ms between two enqueues counts as a batch boundary.
  local grouping
  if [ "$runs" = 1 ] && [ "$expected" = "$n" ]; then
    grouping="(row_number() OVER (ORDER BY id) - 1) / 500"
  else
    grouping="count(*) FILTER (WHERE gap > interval '50 milliseconds') OVER (ORDER BY id)"
  fi
  local phases
  phases=$(sql -F ' ' -c "
    WITH g AS (SELECT id, created_at, $grouping AS batch
               FROM (SELECT id, created_at, created_at - lag(created_at) OVER (ORDER BY id) AS gap FROM bench.reminder_jobs) j),
         b AS (SELECT batch, min(created_at) AS first_at, max(created_at) AS last_at, count(*) AS jobs FROM g GROUP BY batch),
         p AS (SELECT jobs, last_at - first_at AS enqueue, first_at - coalesce(lag(last_at) OVER (ORDER BY batch), to_timestamp($t0)) AS work FROM b)
    SELECT count(*), coalesce(extract(epoch FROM sum(work)), 0)::numeric(10, 2), coalesce(extract(epoch FROM sum(enqueue)), 0)::numeric(10, 2),
           coalesce(sum(jobs - 1), 0), coalesce(extract(epoch FROM max(work)), 0)::numeric(10, 3), coalesce(extract(epoch FROM min(work)), 0)::numeric(10, 3)
    FROM p")
  local batches work_s enqueue_s enqueue_n work_max work_min
  read -r batches work_s enqueue_s enqueue_n work_max work_min <<<"$phases"
  local drain_line="" t_drain=""
  if [ "$BENCH_REMINDER_DRAIN" = 1 ] && [ "$emails_sent" -lt "$emails" ]; then
    log "Waiting until every email has been sent (BENCH_REMINDER_DRAIN=1)"
    local d_sent=$emails_sent
    while [ "$d_sent" -lt "$emails" ]; do
      sleep 2
      d_sent=$(sql -c "SELECT count(*) FROM outgoing_emails WHERE \"to\" LIKE 'bench-user-%@bench.sharing.example'
                       AND created_at >= to_timestamp($t0) - interval '1 second' AND sent_at IS NOT NULL")
      if awk -v a="$t0" -v b="$EPOCHREALTIME" -v l="$BENCH_REMINDER_TIMEOUT" 'BEGIN { exit !(b - a > l) }'; then
        echo "warning: gave up waiting for the emails after $BENCH_REMINDER_TIMEOUT s" >&2
        break
      fi
    done
    t_drain=$EPOCHREALTIME
  fi

  # The CPU samples end here.
  local sampler_cpu
  sleep 0.1
  sampler_cpu=$(awk -v hz="$CLK_TCK" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$SAMPLER_PID/stat" 2>/dev/null || echo '?')
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=""

  # The same phases one by one, with the whole run, for the CPU split (bench/cpu-sampler.py split).
  sql -F ' ' -c "
    WITH g AS (SELECT id, created_at, $grouping AS batch
               FROM (SELECT id, created_at, created_at - lag(created_at) OVER (ORDER BY id) AS gap FROM bench.reminder_jobs) j),
         b AS (SELECT batch, min(created_at) AS first_at, max(created_at) AS last_at FROM g GROUP BY batch),
         p AS (SELECT first_at, last_at, coalesce(lag(last_at) OVER (ORDER BY batch), to_timestamp($t0)) AS prev FROM b)
    SELECT extract(epoch FROM prev)::numeric(20, 6), extract(epoch FROM first_at)::numeric(20, 6), 'work' FROM p
    UNION ALL
    SELECT extract(epoch FROM first_at)::numeric(20, 6), extract(epoch FROM last_at)::numeric(20, 6), 'enqueue' FROM p" >"$WORK/reminders-phases.txt"
  echo "$t0 $t_end total" >>"$WORK/reminders-phases.txt"
  [ -z "$t_drain" ] || echo "$t_end $t_drain drain" >>"$WORK/reminders-phases.txt"
  local split app_cpu="?" pg_cpu="?" sink_cpu="?" wall_s="?" machine_cpu="?" work_app="?" work_pg="?" enq_app="?" enq_pg="?" kind a b c d e
  split=$(python3 bench/cpu-sampler.py split "$WORK/reminders-cpu.txt" "$WORK/reminders-phases.txt" "$CLK_TCK")
  while read -r kind a b c d e; do
    case "$kind" in
      total) wall_s=$a app_cpu=$b pg_cpu=$c sink_cpu=$d machine_cpu=$e ;;
      work) work_app=$b work_pg=$c ;;
      enqueue) enq_app=$b enq_pg=$c ;;
      drain) drain_line="- afterwards, until every email was sent (BENCH_REMINDER_DRAIN=1): $((d_sent - emails_sent)) more in $a s ($(awk -v n="$((d_sent - emails_sent))" -v s="$a" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }') emails/s, $BENCH_REMINDER_WORKERS workers, nothing else running); CPU meanwhile: app $b s, PostgreSQL $c s, SMTP sink $d s: $(awk -v n="$((d_sent - emails_sent))" -v a="$b" -v p="$c" -v k="$d" 'BEGIN { printf "%.2f ms app + %.2f ms PostgreSQL + %.2f ms sink", (n > 0) ? 1000 * a / n : 0, (n > 0) ? 1000 * p / n : 0, (n > 0) ? 1000 * k / n : 0 }') per email; all $d_sent sent $(awk -v a="$t0" -v b="$t_drain" 'BEGIN { printf "%.0f", b - a }') s after t0" ;;
    esac
  done <<<"$split"
  [ "$OWN_CLUSTER" = 1 ] || pg_cpu=n/a

  reminders_cleanup
  local sink_count
  sink_count=$(cat "$WORK/smtp-sink.count" 2>/dev/null || echo '?')
  stop_app

  # What one Hangfire enqueue costs by itself, with the app's storage settings, with the app stopped
  # (bench/SharingPlatform.Bench.Enqueue; its jobs go to a schema of their own, dropped afterwards).
  local probe_out=""
  if [ "$BENCH_REMINDER_PROBE" -ge 500 ]; then
    log "Probe: what one Hangfire enqueue costs by itself ($BENCH_REMINDER_PROBE emails per way)"
    if dotnet build -c Release -nologo -v q --artifacts-path "$ARTIFACTS/enqueue" bench/SharingPlatform.Bench.Enqueue \
      >>"$WORK/build.log" 2>&1; then
      # shellcheck disable=SC2154 # set by run.sh
      probe_out=$(dotnet "$ARTIFACTS/enqueue/bin/SharingPlatform.Bench.Enqueue/release/SharingPlatform.Bench.Enqueue.dll" \
        --connection "$ConnectionStrings__Default" --jobs "$BENCH_REMINDER_PROBE" 2>&1) || probe_out="the probe failed: $probe_out"
    else
      probe_out="the probe does not build (log: $WORK/build.log)"
    fi
  fi

  # ------------------------------------------------------------ summary
  local total_s sent_s jobs_s rate verdict
  local t_done=${t_jobs:-$t_end}
  [ -n "$t_sent" ] && awk -v a="$t_sent" -v b="$t_done" 'BEGIN { exit !(a > b) }' && t_done=$t_sent
  total_s=$(awk -v a="$t0" -v b="$t_done" 'BEGIN { printf "%.1f", b - a }')
  sent_s=$([ -n "$t_sent" ] && awk -v a="$t0" -v b="$t_sent" 'BEGIN { printf "%.1f", b - a }' || echo "not reached")
  jobs_s=$([ -n "$t_jobs" ] && awk -v a="$t0" -v b="$t_jobs" 'BEGIN { printf "%.1f", b - a }' || echo "not reached")
  rate=$(awk -v s="$total_s" -v n="$((n - unsent))" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }')
  if [ -n "$t_sent" ] && [ -n "$t_jobs" ] && awk -v s="$total_s" -v l="$BENCH_REMINDER_TARGET" 'BEGIN { exit !(s <= l) }'; then
    verdict=PASS
  else
    verdict=FAIL
  fi
  local per_job_ms per_batch_ms
  per_job_ms=$(awk -v s="$enqueue_s" -v n="$enqueue_n" 'BEGIN { printf "%.2f", (n > 0) ? 1000 * s / n : 0 }')
  per_batch_ms=$(awk -v s="$work_s" -v n="$batches" 'BEGIN { printf "%.0f", (n > 0) ? 1000 * s / n : 0 }')
  local busy_note="$IDLE_BUSY_R % just before the insert, app idle"
  if [ "$IDLE_BUSY_R" -gt 10 ]; then
    busy_note+=" — other processes were using the CPU: the seconds are not reliable (the CPU seconds are better)"
  fi
  # Others' work during the run, beyond what this script itself costs (about 2 % of a core), also skews the seconds.
  if awk -v m="$machine_cpu" -v a="$app_cpu" -v p="$pg_cpu" -v k="$sink_cpu" -v w="$wall_s" \
    'BEGIN { exit !(m - a - (p ~ /^[0-9.]+$/ ? p : 0) - k > 0.1 * w) }'; then
    busy_note+="; during the run other processes used more than 10 % of a core: the seconds are not reliable"
  fi
  summary=$(
    cat <<EOF
### Reminders benchmark $(date -u +'%Y-%m-%d %H:%M UTC') — app $APP_LABEL
machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') RAM, PostgreSQL $("$PSQL" -X -Atq -c 'SHOW server_version' | cut -d' ' -f1); app, PostgreSQL and the SMTP sink on the same machine
data: $n due BookingReminder reminders (due in the 10 minutes before the insert) of $n confirmed bookings, $recipients recipients; $expected emails expected (the others turned BookingReminder emails off)
app: Production, Hangfire server with $BENCH_REMINDER_WORKERS workers, Notifications__DispatchEveryMinutes=1; emails: **$BENCH_REMINDER_EMAILS** ($([ "$BENCH_REMINDER_EMAILS" = send ] && echo "the other workers send them to the SMTP sink while the dispatcher runs" || echo "the one worker is busy with the dispatcher, so none is sent before the last is enqueued"))

| from the dispatcher's start (t0, the reminders' sent_at) | seconds (polled every 0.5 s) |
|---|---:|
| all $n reminders marked sent | $sent_s |
| all $expected email jobs enqueued in Hangfire (SendEmailJob) | $jobs_s (Hangfire's stamp of the last: $(awk -v a="$t0" -v b="$enq_last" 'BEGIN { printf "%.2f", b - a }')) |
| **end to end** | **$total_s** |

- throughput: **$rate reminders/s**; target ≤ $BENCH_REMINDER_TARGET s: **$verdict**
- CPU from t0 to the end (sampled every 100 ms): app **$app_cpu s**, PostgreSQL **$pg_cpu s** ($(awk -v a="$pg_cpu" -v b="$poll_pg_cpu" 'BEGIN { printf "%.1f", a - b }') s without the poller's session), SMTP sink $sink_cpu s, over $wall_s s; the whole machine was busy $machine_cpu s of $(awk -v w="$wall_s" -v c="$(nproc)" 'BEGIN { printf "%.0f", w * c }') core-seconds, $(awk -v m="$machine_cpu" -v a="$app_cpu" -v p="$pg_cpu" -v k="$sink_cpu" 'BEGIN { printf "%.1f", m - a - (p ~ /^[0-9.]+$/ ? p : 0) - k }') s of it other processes (this script's poller and sampler included)
- dispatcher runs that took part: $runs; notifications written: $notified; emails written: $emails, of them sent by the end: $emails_sent; SendEmailJob jobs: $job_count for $distinct_emails distinct emails
- where the time goes (Hangfire's enqueue stamps; $([ "$runs" = 1 ] && [ "$expected" = "$n" ] && echo "batches of 500 exactly" || echo "batches guessed from gaps over 50 ms")): first enqueue $(awk -v a="$t0" -v b="$enq_first" 'BEGIN { printf "%.2f", b - a }') s after t0, last $(awk -v a="$t0" -v b="$enq_last" 'BEGIN { printf "%.2f", b - a }') s
  - **enqueueing the email jobs: $enqueue_s s**, $per_job_ms ms per SendEmailJob (one after the other, after each commit); CPU meanwhile: app $enq_app s, PostgreSQL $enq_pg s
  - **the batches' SQL and app work: $work_s s** for $batches batches, $per_batch_ms ms per batch of 500 (from $work_min to $work_max s): select and lock, read recipients and bookings, write notifications, emails and marks, commit; CPU meanwhile: app $work_app s, PostgreSQL $work_pg s$([ "$BENCH_REMINDER_EMAILS" = send ] && echo " (both include the workers sending emails at the same time)")
- poller: $polls polls, $(awk -v t="$poll_us" -v n="$polls" 'BEGIN { printf "%.1f", n ? t / n / 1000 : 0 }') ms each on average, waiting included (one psql session); its PostgreSQL backend used $poll_pg_cpu s of CPU in all (counted in PostgreSQL's figure above)
- SMTP sink accepted $sink_count messages in all; the CPU sampler used $sampler_cpu s
- machine CPU busy: $busy_note
${drain_line}

${probe_out}
EOF
  )
  printf '\n%s\n' "$summary" | tee "$WORK/reminders-summary.md"
}
