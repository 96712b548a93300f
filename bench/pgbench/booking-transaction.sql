-- Every statement POST /api/v1/bookings sends PostgreSQL for a booking confirmed at once, in the same order and the
-- same round trips, as PostgreSQL's log shows them (bench/RESULTS.md): the session check, the resource, the booker's
-- lock, standing, count and address (the notice's recipient), the booking with its notification, email, two reminders
-- and first history row (no savepoint: a failed insert ends the transaction), and the commit. The email's Hangfire job is not a booking's any more: each node enqueues the emails committed
-- within 50 ms as one job, off the request (EmailSendQueue). The ratio of the API to this measures the app, not the
-- schema. Slots as in booking.sql (distinct, never refused); the ids time-ordered like the app's UUIDv7.
\set u random(0, :users - 1)
SELECT ui.user_id AS uid, u.security_stamp, u.suspended_at IS NOT NULL AS suspended, s.last_seen_at
FROM bench.user_index ui
JOIN users u ON u.id = ui.user_id
LEFT JOIN LATERAL (
    SELECT x.last_seen_at FROM user_sessions x
    WHERE x.id = gen_random_uuid() AND x.user_id = u.id AND x.revoked_at IS NULL AND x.expires_at > now() LIMIT 1) s ON TRUE
WHERE ui.n = :u \gset
SELECT q.k, r.id AS rid
FROM (SELECT nextval('bench.slot_seq') AS k) q
JOIN bench.resource_index ri ON ri.n = q.k % :resources
JOIN resources r ON r.id = ri.resource_id
WHERE r.status = 'Published' AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = r.organization_id AND o.status = 'Verified') \gset
\set hour :k / :resources
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT s.active, s.display_name, s.email, s.emails_off, s.paused_until, s.preferred_language, s.suspended FROM (SELECT paused_until, display_name, suspended, active, email, preferred_language, emails_off FROM lock_booker_standing(:uid, :rid, now())) s LIMIT 2;
INSERT INTO bookings (id, attendees, blocked_until, booker_id, checked_in_at, created_at, ends_at, purpose, requires_check_in, resource_id, series_id, starts_at, status, status_reason)
VALUES ((lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
        1, to_timestamp(:base + :hour * 3600 + 3600), :uid, NULL, now(), to_timestamp(:base + :hour * 3600 + 3600), 'bench load pgbench tx', false,
        :rid, NULL, to_timestamp(:base + :hour * 3600), 'Confirmed', NULL)
RETURNING id AS bid, xmin \gset
INSERT INTO notifications (id, body, created_at, due_at, kind, language, link, read_at, recipient_id, subject_id, title)
VALUES ((lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
        '전주시 마을회관 강당 1호 2027-10-01 (금) 15:00–16:00 예약이 확정되었습니다.', now(), now(), 'BookingConfirmed', 'Korean',
        '/Bookings/Details/' || :bid, NULL, :uid, :bid, '예약 확정: 전주시 마을회관 강당 1호');
INSERT INTO outgoing_emails (id, claimed_at, created_at, sent_at, subject, text_body, "to")
VALUES ((lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
        NULL, now(), NULL, '[공유경제 플랫폼] 예약 확정: 전주시 마을회관 강당 1호',
        E'안녕하세요, 벤치 사용자님.\n\n전주시 마을회관 강당 1호 2027-10-01 (금) 15:00–16:00 예약이 확정되었습니다.\n\nhttps://bench.sharing.example/Bookings/Details/' || :bid || E'\n\n전북 공유경제 플랫폼\n받을 이메일 알림 설정: https://bench.sharing.example/Account/Notifications',
        'bench-pgbench@bench.sharing.example');
INSERT INTO reminders (id, due_at, kind, recipient_id, sent_at, subject_id)
VALUES ((lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
        to_timestamp(:base + :hour * 3600 - 86400), 'BookingReminder', :uid, NULL, :bid);
INSERT INTO reminders (id, due_at, kind, recipient_id, sent_at, subject_id)
VALUES ((lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
        to_timestamp(:base + :hour * 3600 - 7200), 'BookingReminder', :uid, NULL, :bid);
INSERT INTO booking_changes (id, actor_id, at, booking_id, reason, status)
VALUES ((lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
        :uid, now(), :bid, NULL, 'Confirmed');
COMMIT;
