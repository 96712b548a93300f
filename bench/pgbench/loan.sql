-- The SQL of POST /api/v1/loans, straight against PostgreSQL (bench/run.sh runs it with pgbench -f), in one transaction:
-- the borrower's row lock, the units they hold of the resource, the day rows made if missing, the atomic UPDATE that
-- takes a unit on each day only where one is left, the loan and its first step. Loan k = nextval('bench.loan_seq')
-- borrows one unit of lent resource k mod :lent (bench.lent_index) for the day :base (days since 1970-01-01, a
-- Wednesday) + 7 * floor(k / :lent); the borrower is a random background user.
\set u random(0, :users - 1)
BEGIN;
SELECT nextval('bench.loan_seq') AS k \gset
\set r :k % :lent
\set day :base + 7 * (:k / :lent)
SELECT id FROM users WHERE id = (SELECT user_id FROM bench.user_index WHERE n = :u) FOR UPDATE;
SELECT coalesce(sum(units), 0) FROM loans
WHERE resource_id = (SELECT resource_id FROM bench.lent_index WHERE n = :r) AND borrower_id = (SELECT user_id FROM bench.user_index WHERE n = :u)
  AND status IN ('Requested', 'Confirmed', 'Out', 'Overdue');
INSERT INTO loan_days (resource_id, day, units, units_taken, units_out_of_service)
SELECT l.resource_id, DATE '1970-01-01' + d, 10000, 0, 0 FROM bench.lent_index l, generate_series((:day)::int, (:day)::int) AS d WHERE l.n = :r
ON CONFLICT DO NOTHING;
UPDATE loan_days SET units = 10000, units_taken = units_taken + 1
WHERE resource_id = (SELECT resource_id FROM bench.lent_index WHERE n = :r)
  AND day BETWEEN DATE '1970-01-01' + (:day)::int AND DATE '1970-01-01' + (:day)::int AND units_taken + units_out_of_service + units_held_late + 1 <= 10000
RETURNING day;
WITH loan AS (
    INSERT INTO loans (id, resource_id, borrower_id, units, pickup_on, return_on, purpose, status, units_out, units_returned,
                       unit_labels, deposit_won, deposit_received, damaged, created_at)
    SELECT (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
           l.resource_id, u.user_id, 1, DATE '1970-01-01' + (:day)::int, DATE '1970-01-01' + (:day)::int, 'bench load pgbench', 'Confirmed', 0, 0,
           '{}', 0, false, false, now()
    FROM bench.lent_index l, bench.user_index u WHERE l.n = :r AND u.n = :u
    RETURNING id, borrower_id)
INSERT INTO loan_changes (id, loan_id, at, actor_id, status, note)
SELECT (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid,
       loan.id, now(), loan.borrower_id, 'Confirmed', NULL
FROM loan;
COMMIT;
