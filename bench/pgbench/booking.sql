-- The booking INSERT of POST /api/v1/bookings, straight against PostgreSQL (bench/run.sh runs it with pgbench -f).
-- Distinct slots: k = nextval('bench.slot_seq') books always-open resource k mod :resources for the hour starting at
-- :base (epoch seconds) + floor(k / :resources) hours, so the exclusion constraint never refuses one.
-- The id is time-ordered like the app's UUIDv7 (same index locality); the booker is a random background user.
\set u random(0, :users - 1)
INSERT INTO bookings (id, resource_id, booker_id, starts_at, ends_at, blocked_until, attendees, purpose, status, created_at)
SELECT (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
        || substr(md5(random()::text), 1, 19))::uuid,
       r.resource_id, u.user_id, s.starts_at, s.starts_at + interval '1 hour', s.starts_at + interval '1 hour',
       1, 'bench load pgbench', 'Confirmed', now()
FROM (SELECT nextval('bench.slot_seq') AS k) q
JOIN bench.resource_index r ON r.n = q.k % :resources
CROSS JOIN LATERAL (SELECT to_timestamp(:base) + (q.k / :resources) * interval '1 hour' AS starts_at) s
JOIN bench.user_index u ON u.n = :u;
