-- Issue #19: the analytics page at 10 M actions. Two parts:
--
-- 1. The regression after call undo (#18): the funnel, territory, time-to-conversion and
--    speed-to-lead figures read "a lead's actions that were not undone" per lead, and the
--    (lead_id, created_at, …) index did not know voided_at, so every probe fetched the heap.
--    Partial on voided_at IS NULL, as the other analytics indexes are, it is index-only again.
DROP INDEX "sales_actions_lead_id_created_at_follow_up_date_admin_id_ou_idx";
-- Serves: get-conversion-funnel (actions and interested per lead), get-territory-comparison
-- (worked: any action), get-time-to-conversion (first action before the conversion),
-- get-speed-to-lead (first touch) and the rollup refresh's per-lead counts.
CREATE INDEX "sales_actions_lead_id_created_at_follow_up_date_admin_id_ou_idx" ON "sales_actions"("lead_id", "created_at", "follow_up_date", "admin_id", "outcome") WHERE (voided_at IS NULL);

-- 2. Rollups: materialized views of the figures' per-day (per-hour) counts, refreshed
--    CONCURRENTLY by the `analytics-rollups-refresh` job (lib/analytics/refresh-analytics-rollups.ts),
--    so the page sums a few thousand rows instead of following every lead and action.
--    Days and hours are the company's (the `time_zone` setting at refresh time, recorded in
--    analytics_rollup_refreshes); a figure asked in another zone is computed live.
--    Integer keys that may be absent are 0 (not NULL) so the unique index that CONCURRENTLY
--    needs covers every row.

-- The leads created on a day, by everything a figure groups or filters them by. territory_id 0
-- is "all leads"; each lead is repeated once per territory whose states it touches (as the
-- territory figure and filter count it), so a territory filter is an equality.
CREATE MATERIALIZED VIEW analytics_lead_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
), facts AS (
  SELECT (l.created_at AT TIME ZONE zone.tz)::date AS day, l.states, l.lead_source, l.status,
         coalesce(l.assigned_admin_id, 0) AS assigned_admin_id, coalesce(c.admin_id, l.assigned_admin_id, 0) AS rep_id,
         l.needs_police, l.superload, l.estimated_value, c.conversion_value, c.id IS NOT NULL AS converted,
         act.actions IS NOT NULL AS worked,
         -- The funnel's furthest stage (get-conversion-funnel.ts): 4 converted, 3 interested,
         -- 2 contacted, 1 assigned, 0 pending.
         CASE
           WHEN c.id IS NOT NULL OR l.status = 'converted' THEN 4
           WHEN act.interested > 0 THEN 3
           WHEN act.actions > 0 THEN 2
           WHEN l.assigned_admin_id IS NOT NULL OR l.assigned_at IS NOT NULL
                OR EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id AND e.type IN ('claimed', 'assigned')) THEN 1
           ELSE 0
         END AS stage
  FROM sales_leads l
  CROSS JOIN zone
  LEFT JOIN sales_conversions c ON c.lead_id = l.id
  LEFT JOIN (
    SELECT a.lead_id, count(*) AS actions, count(*) FILTER (WHERE a.outcome = 'interested') AS interested
    FROM sales_actions a WHERE a.voided_at IS NULL GROUP BY a.lead_id
  ) act ON act.lead_id = l.id
)
SELECT f.day, tt.territory_id, f.lead_source, f.status, f.assigned_admin_id, f.rep_id, f.needs_police, f.superload,
       f.stage, f.worked, f.converted,
       count(*) AS leads, coalesce(sum(f.estimated_value), 0) AS estimated_value,
       coalesce(sum(f.conversion_value), 0) AS conversion_value
FROM facts f
CROSS JOIN LATERAL (SELECT 0 AS territory_id UNION ALL SELECT t.id FROM territories t WHERE t.states && f.states) tt
GROUP BY f.day, tt.territory_id, f.lead_source, f.status, f.assigned_admin_id, f.rep_id, f.needs_police, f.superload,
         f.stage, f.worked, f.converted;
-- Needed by REFRESH … CONCURRENTLY; its leading (territory_id, day) serves every read of the view
-- (get-leads-by-source, get-conversion-funnel, get-pipeline-by-status, get-pipeline-forecast,
-- get-territory-comparison: one territory slice, a range of days).
CREATE UNIQUE INDEX analytics_lead_daily_key ON analytics_lead_daily (territory_id, day, lead_source, status, assigned_admin_id, rep_id, needs_police, superload, stage, worked, converted);

-- The leads assigned (claimed or given) on a day, with their outcome: get-rep-performance's cohort.
CREATE MATERIALIZED VIEW analytics_assignment_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
), facts AS (
  SELECT (l.assigned_at AT TIME ZONE zone.tz)::date AS day, l.states, l.lead_source, l.needs_police, l.superload,
         coalesce(c.admin_id, l.assigned_admin_id, 0) AS rep_id, c.conversion_value
  FROM sales_leads l
  CROSS JOIN zone
  LEFT JOIN sales_conversions c ON c.lead_id = l.id
  WHERE l.assigned_at IS NOT NULL
)
SELECT f.day, tt.territory_id, f.lead_source, f.rep_id, f.needs_police, f.superload,
       count(*) AS leads, count(f.conversion_value) AS conversions, coalesce(sum(f.conversion_value), 0) AS conversion_value
FROM facts f
CROSS JOIN LATERAL (SELECT 0 AS territory_id UNION ALL SELECT t.id FROM territories t WHERE t.states && f.states) tt
GROUP BY f.day, tt.territory_id, f.lead_source, f.rep_id, f.needs_police, f.superload;
-- For REFRESH … CONCURRENTLY, and get-rep-performance's read (one territory slice, a range of days).
CREATE UNIQUE INDEX analytics_assignment_daily_key ON analytics_assignment_daily (territory_id, day, lead_source, rep_id, needs_police, superload);

-- Conversions booked on a day: get-revenue-by-month.
CREATE MATERIALIZED VIEW analytics_conversion_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
), facts AS (
  SELECT (c.created_at AT TIME ZONE zone.tz)::date AS day, l.states, l.lead_source, l.needs_police, l.superload,
         coalesce(c.admin_id, 0) AS admin_id, c.conversion_value
  FROM sales_conversions c
  JOIN sales_leads l ON l.id = c.lead_id
  CROSS JOIN zone
)
SELECT f.day, tt.territory_id, f.lead_source, f.admin_id, f.needs_police, f.superload,
       count(*) AS conversions, coalesce(sum(f.conversion_value), 0) AS conversion_value
FROM facts f
CROSS JOIN LATERAL (SELECT 0 AS territory_id UNION ALL SELECT t.id FROM territories t WHERE t.states && f.states) tt
GROUP BY f.day, tt.territory_id, f.lead_source, f.admin_id, f.needs_police, f.superload;
-- For REFRESH … CONCURRENTLY, and get-revenue-by-month's read (one territory slice, a range of days).
CREATE UNIQUE INDEX analytics_conversion_daily_key ON analytics_conversion_daily (territory_id, day, lead_source, admin_id, needs_police, superload);

-- Sales actions (not undone) per hour of the company's clock, by rep, type and whether the
-- outcome was "interested": get-call-heatmap and get-rep-productivity without lead filters
-- (with a source, territory or haul filter they read sales_actions live).
CREATE MATERIALIZED VIEW analytics_action_hourly AS
SELECT date_trunc('hour', a.created_at AT TIME ZONE (
         SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago'))) AS local_hour,
       a.admin_id, a.action_type, coalesce(a.outcome = 'interested', false) AS interested, count(*) AS actions
FROM sales_actions a
WHERE a.voided_at IS NULL
GROUP BY 1, 2, 3, 4;
-- For REFRESH … CONCURRENTLY, and the heatmap's and productivity's read (a range of local hours).
CREATE UNIQUE INDEX analytics_action_hourly_key ON analytics_action_hourly (local_hour, admin_id, action_type, interested);

-- CreateTable
CREATE TABLE "analytics_rollup_refreshes" (
    "name" TEXT NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "analytics_rollup_refreshes_pkey" PRIMARY KEY ("name")
);

-- Backfill: the views above were filled as they were created; record it so the page reads them
-- from the start (until the job's first run they are as fresh as this migration).
INSERT INTO analytics_rollup_refreshes (name, refreshed_at, time_zone, duration_ms)
SELECT v.name, now(), coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago'), 0
FROM unnest(ARRAY['analytics_lead_daily', 'analytics_assignment_daily', 'analytics_conversion_daily', 'analytics_action_hourly']) AS v(name);
