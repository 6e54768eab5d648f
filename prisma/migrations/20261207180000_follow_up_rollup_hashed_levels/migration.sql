-- Issue #19: the follow-up rollup (migration analytics_follow_up_rollup says what it holds and
-- why: per chain, the team's and each rep's, the follow-ups due per day by verdict and the chains'
-- elements) computed with less sorting; the rows are the same. EXPLAIN ANALYZE of the old
-- definition at 1 000 000 leads and 8.6 million judged follow-ups: 76 s, of which
--   * level 0 fanned every follow-up out to its team and rep rows (17 million) before counting:
--     now counted once per (rep, day, verdict) and summed for the team;
--   * the three levels' elements (14 million rows) were counted by one GROUP BY that PostgreSQL
--     sorted on disk (it expected 80 000 rows): now each level is its own GROUP BY over the
--     elements kept once, which it hashes in memory.
-- 60 s for the same 541 374 rows (the old view's contents and the new query's, EXCEPT ALL both
-- ways empty); REFRESH … CONCURRENTLY 69 s → 57 s. The chains' own grouping and window sort stay (22 s): an incremental refresh is what
-- would remove them. Made WITH DATA (REFRESH … CONCURRENTLY needs a populated view); its
-- analytics_rollup_refreshes row is kept: the contents are at least as new as that row says.
DROP MATERIALIZED VIEW analytics_follow_up_daily;

CREATE MATERIALIZED VIEW analytics_follow_up_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
), judged AS MATERIALIZED (
  SELECT a.lead_id, a.admin_id, d.day,
         CASE
           WHEN a.next_touch_at IS NOT NULL THEN CASE WHEN a.next_touch_at < d.grace_ends THEN 3 ELSE 2 END
           WHEN l.closed_at >= a.created_at AND l.closed_at < d.grace_ends THEN 3
           WHEN l.closed_at >= a.created_at THEN 2
           WHEN now() >= d.grace_ends THEN 1
           ELSE 0
         END AS verdict
  FROM sales_actions a
  CROSS JOIN zone
  CROSS JOIN LATERAL (
    SELECT (a.follow_up_date AT TIME ZONE zone.tz)::date AS day,
           -- The end of the day after the follow-up's day: its local midnight two days on.
           (((a.follow_up_date AT TIME ZONE zone.tz)::date + 2)::timestamp AT TIME ZONE zone.tz) AS grace_ends
  ) d
  -- Only a lead's latest action (no next touch) is judged by the lead's closing.
  LEFT JOIN sales_leads l ON l.id = a.lead_id AND a.next_touch_at IS NULL
  WHERE a.follow_up_date IS NOT NULL AND a.voided_at IS NULL
), due AS MATERIALIZED (
  -- Level 0's counts per rep, day and verdict, once (about 20 000 rows); the team's are their sums.
  SELECT j.admin_id, j.day, j.verdict, count(*) AS n FROM judged j GROUP BY j.admin_id, j.day, j.verdict
), chains AS (
  -- Per chain (the team's, each rep's), lead and day: the worst verdict judged that day. A
  -- follow-up not judged yet (verdict 0) makes no element, as before.
  SELECT c.rep_id, j.lead_id, j.day, min(j.verdict) AS worst
  FROM judged j
  CROSS JOIN LATERAL (VALUES (0), (j.admin_id)) c(rep_id)
  WHERE j.verdict > 0
  GROUP BY c.rep_id, j.lead_id, j.day
), linked AS MATERIALIZED (
  -- The day before, in the same chain, with a verdict at least as bad as each level; kept once
  -- for the three levels' counts below.
  SELECT c.rep_id, c.lead_id, c.day, c.worst,
         max(c.day) FILTER (WHERE c.worst <= 1) OVER w AS prev1,
         max(c.day) FILTER (WHERE c.worst <= 2) OVER w AS prev2,
         max(c.day) FILTER (WHERE c.worst <= 3) OVER w AS prev3,
         EXISTS (SELECT 1 FROM sales_conversions s WHERE s.lead_id = c.lead_id) AS converted
  FROM chains c
  WINDOW w AS (PARTITION BY c.rep_id, c.lead_id ORDER BY c.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
-- Level 0: follow-ups due per day by verdict (0 open, 1 missed, 2 late, 3 kept), the team's and
-- each rep's.
SELECT 0 AS rep_id, 0::smallint AS level, d.day, d.day AS prev_day, false AS converted, d.verdict::smallint AS verdict, sum(d.n)::bigint AS n
FROM due d GROUP BY d.day, d.verdict
UNION ALL
SELECT d.admin_id, 0::smallint, d.day, d.day, false, d.verdict::smallint, d.n FROM due d
UNION ALL
-- Levels 1–3: the chains' elements with a verdict at least that bad, counted by day, day before and
-- whether the lead converted; each level its own GROUP BY, hashed in memory.
SELECT k.rep_id, 1::smallint, k.day, coalesce(k.prev1, '-infinity'::date), k.converted, 0::smallint, count(*)
FROM linked k WHERE k.worst <= 1 GROUP BY k.rep_id, k.day, coalesce(k.prev1, '-infinity'::date), k.converted
UNION ALL
SELECT k.rep_id, 2::smallint, k.day, coalesce(k.prev2, '-infinity'::date), k.converted, 0::smallint, count(*)
FROM linked k WHERE k.worst <= 2 GROUP BY k.rep_id, k.day, coalesce(k.prev2, '-infinity'::date), k.converted
UNION ALL
SELECT k.rep_id, 3::smallint, k.day, coalesce(k.prev3, '-infinity'::date), k.converted, 0::smallint, count(*)
FROM linked k GROUP BY k.rep_id, k.day, coalesce(k.prev3, '-infinity'::date), k.converted;
-- For REFRESH … CONCURRENTLY, and get-follow-up-effectiveness's read (one chain, a range of days).
CREATE UNIQUE INDEX analytics_follow_up_daily_key ON analytics_follow_up_daily (rep_id, day, level, prev_day, converted, verdict);
