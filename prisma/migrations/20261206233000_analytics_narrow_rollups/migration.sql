-- Issue #19, measured at 10x (1 M leads, 10 M actions): analytics_lead_daily keeps a lead and a
-- half per row (eleven dimensions) and analytics_action_hourly an action or two per row (every
-- rep's every hour), so the figures summing a year of them read about a million rows each. The
-- figures now read narrower rollups summed from those two (refreshed right after them, in the
-- same job; lib/analytics/refresh-analytics-rollups.ts records them as of their source's refresh),
-- each with only the dimensions its figures group or filter by, and with the whole team as a slice
-- of its own (rep_id / admin_id 0, as territory_id 0 is "all leads"): the manager's team view reads
-- that slice alone, a rep's view that rep's slice, never every rep's rows summed. Leads with no rep
-- are only in slice 0 (no rep filter matches them).

-- The leads created on a day by status, with their estimated value; rep = the lead's holder
-- (assigned_admin_id). get-leads-by-source, get-pipeline-by-status, get-pipeline-forecast.
CREATE MATERIALIZED VIEW analytics_lead_status_daily AS
SELECT r.territory_id, s.rep_id, r.day, r.lead_source, r.status, r.needs_police, r.superload,
       sum(r.leads)::bigint AS leads, sum(r.estimated_value) AS estimated_value
FROM analytics_lead_daily r
CROSS JOIN LATERAL (SELECT 0 AS rep_id UNION ALL SELECT r.assigned_admin_id WHERE r.assigned_admin_id <> 0) s
GROUP BY r.territory_id, s.rep_id, r.day, r.lead_source, r.status, r.needs_police, r.superload;
-- For REFRESH … CONCURRENTLY, and every read (one territory slice, one rep slice, a range of days;
-- the forecast's history all days).
CREATE UNIQUE INDEX analytics_lead_status_daily_key ON analytics_lead_status_daily (territory_id, rep_id, day, lead_source, status, needs_police, superload);

-- The leads created on a day by funnel stage, worked and converted, with their conversions' value;
-- rep = the credited rep (the converting rep, else the holder). get-conversion-funnel,
-- get-territory-comparison.
CREATE MATERIALIZED VIEW analytics_lead_stage_daily AS
SELECT r.territory_id, s.rep_id, r.day, r.lead_source, r.needs_police, r.superload, r.stage, r.worked, r.converted,
       sum(r.leads)::bigint AS leads, sum(r.conversion_value) AS conversion_value
FROM analytics_lead_daily r
CROSS JOIN LATERAL (SELECT 0 AS rep_id UNION ALL SELECT r.rep_id WHERE r.rep_id <> 0) s
GROUP BY r.territory_id, s.rep_id, r.day, r.lead_source, r.needs_police, r.superload, r.stage, r.worked, r.converted;
-- For REFRESH … CONCURRENTLY, and the funnel's read (territory slice 0 or one, one rep slice, a
-- range of days) and the territory figure's (one rep slice of every territory: rep_id second).
CREATE UNIQUE INDEX analytics_lead_stage_daily_key ON analytics_lead_stage_daily (rep_id, territory_id, day, lead_source, needs_police, superload, stage, worked, converted);

-- Calls per hour of the company's clock, per rep and for the team (admin_id 0). get-call-heatmap
-- without lead filters.
CREATE MATERIALIZED VIEW analytics_call_hourly AS
SELECT s.admin_id, r.local_hour, sum(r.actions)::bigint AS calls
FROM analytics_action_hourly r
CROSS JOIN LATERAL (SELECT 0 AS admin_id UNION ALL SELECT r.admin_id) s
WHERE r.action_type = 'call'
GROUP BY s.admin_id, r.local_hour;
-- For REFRESH … CONCURRENTLY, and the heatmap's read (one slice, a range of hours).
CREATE UNIQUE INDEX analytics_call_hourly_key ON analytics_call_hourly (admin_id, local_hour);

-- Sales actions per company day, rep, type and "interested". get-rep-productivity without lead
-- filters (it lists every rep, so no team slice).
CREATE MATERIALIZED VIEW analytics_action_daily AS
SELECT r.local_hour::date AS day, r.admin_id, r.action_type, r.interested, sum(r.actions)::bigint AS actions
FROM analytics_action_hourly r
GROUP BY 1, 2, 3, 4;
-- For REFRESH … CONCURRENTLY, and productivity's read (a range of days).
CREATE UNIQUE INDEX analytics_action_daily_key ON analytics_action_daily (day, admin_id, action_type, interested);

-- Backfill: filled as created from their sources; recorded as of their sources' refresh.
INSERT INTO analytics_rollup_refreshes (name, refreshed_at, time_zone, duration_ms)
SELECT v.name, s.refreshed_at, s.time_zone, 0
FROM (VALUES ('analytics_lead_status_daily', 'analytics_lead_daily'), ('analytics_lead_stage_daily', 'analytics_lead_daily'),
             ('analytics_call_hourly', 'analytics_action_hourly'), ('analytics_action_daily', 'analytics_action_hourly')) v(name, source)
JOIN analytics_rollup_refreshes s ON s.name = v.source
ON CONFLICT (name) DO NOTHING;
