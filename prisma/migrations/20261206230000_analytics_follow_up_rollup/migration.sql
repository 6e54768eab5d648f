-- Issue #19: follow-up effectiveness (lib/analytics/get-follow-up-effectiveness.ts) from a rollup.
-- Live, the figure judges every follow-up due in the range and groups them by lead (each lead in
-- the group of its worst follow-up): at 10 M actions, millions of rows per page view. Counting
-- follow-ups per verdict is a sum over days; counting *leads* by their worst follow-up in an
-- arbitrary range is not, so the lead counts are rolled up as chains:
--
--   For a lead and a level v (1: missed; 2: missed or late; 3: any judged follow-up), take the
--   distinct company days on which it had a follow-up judged v or worse, in order; each day is one
--   element with the day before it in that list (prev_day; -infinity for the first). A lead has
--   such a follow-up in [from, to] exactly when one of its elements has day in [from, to] and
--   prev_day < from (the first of its days in the range). So
--     C(v) = sum of elements with day BETWEEN from AND to AND prev_day < from
--   counts the leads, and the figure's groups are missed = C(1), late = C(2) − C(1),
--   kept = C(3) − C(2), each split by whether the lead converted.
--
-- A rep's figure groups only that rep's follow-ups by lead, so every chain is kept twice: over the
-- lead's follow-ups (rep_id 0, the team) and over each rep's (rep_id = the rep). The verdicts are
-- the live query's, judged at refresh time (now() is the refresh's start, as refreshed_at says):
--   next touch before the end of the day after the follow-up date (company calendar) → kept (3),
--   later → late (2); no next touch: the lead's closing (converted or lost) after the action
--   counts as its touch; none and the grace day over → missed (1); otherwise open (0, not judged).
-- Lead filters (source, territory, haul) are not rolled up: the figure reads live with them.
CREATE MATERIALIZED VIEW analytics_follow_up_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
), judged AS (
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
), chains AS (
  -- Per chain (the team's, each rep's), lead and day: the worst verdict judged that day.
  SELECT c.rep_id, j.lead_id, j.day, min(j.verdict) FILTER (WHERE j.verdict > 0) AS worst
  FROM judged j
  CROSS JOIN LATERAL (VALUES (0), (j.admin_id)) c(rep_id)
  GROUP BY c.rep_id, j.lead_id, j.day
), linked AS (
  -- The day before, in the same chain, with a verdict at least as bad as each level.
  SELECT c.rep_id, c.lead_id, c.day, c.worst,
         max(c.day) FILTER (WHERE c.worst <= 1) OVER w AS prev1,
         max(c.day) FILTER (WHERE c.worst <= 2) OVER w AS prev2,
         max(c.day) FILTER (WHERE c.worst <= 3) OVER w AS prev3
  FROM chains c
  WHERE c.worst IS NOT NULL
  WINDOW w AS (PARTITION BY c.rep_id, c.lead_id ORDER BY c.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
-- Level 0: follow-ups due per day by verdict (0 open, 1 missed, 2 late, 3 kept).
SELECT c.rep_id, 0::smallint AS level, j.day, j.day AS prev_day, false AS converted, j.verdict::smallint AS verdict, count(*) AS n
FROM judged j
CROSS JOIN LATERAL (VALUES (0), (j.admin_id)) c(rep_id)
GROUP BY c.rep_id, j.day, j.verdict
UNION ALL
-- Levels 1–3: the chains' elements, counted by day, day before and whether the lead converted.
SELECT k.rep_id, v.level::smallint, k.day, coalesce(v.prev, '-infinity'::date), k.converted, 0::smallint, count(*)
FROM (
  SELECT x.*, EXISTS (SELECT 1 FROM sales_conversions s WHERE s.lead_id = x.lead_id) AS converted FROM linked x
) k
CROSS JOIN LATERAL (VALUES (1, k.prev1), (2, k.prev2), (3, k.prev3)) v(level, prev)
WHERE k.worst <= v.level
GROUP BY k.rep_id, v.level, k.day, coalesce(v.prev, '-infinity'::date), k.converted;
-- For REFRESH … CONCURRENTLY, and get-follow-up-effectiveness's read (one chain, a range of days).
CREATE UNIQUE INDEX analytics_follow_up_daily_key ON analytics_follow_up_daily (rep_id, day, level, prev_day, converted, verdict);

-- Backfill: filled as created; record it so the page reads it from the start.
INSERT INTO analytics_rollup_refreshes (name, refreshed_at, time_zone, duration_ms)
VALUES ('analytics_follow_up_daily', now(), coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago'), 0)
ON CONFLICT (name) DO NOTHING;
