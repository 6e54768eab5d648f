-- Issue #19, measured at 10x (1 M leads, 10 M actions): three figures still read too much for the
-- whole page to load in 300 ms. Each gets a rollup of its own, refreshed CONCURRENTLY by the
-- analytics-rollups-refresh job like the others (lib/analytics/refresh-analytics-rollups.ts).

-- Territory comparison (get-territory-comparison.ts) summed analytics_lead_stage_daily, whose
-- stage, worked and converted columns multiply its rows by about 24 for a figure that only adds
-- them up. Summed from it (so as fresh as it): per rep slice (0: the team), day, territory (every
-- one; the "all leads" slice 0 is not a territory), source and haul flags, the leads, those
-- worked, those converted and their conversions' value.
CREATE MATERIALIZED VIEW analytics_territory_daily AS
SELECT r.rep_id, r.day, r.territory_id, r.lead_source, r.needs_police, r.superload,
       sum(r.leads)::bigint AS leads,
       coalesce(sum(r.leads) FILTER (WHERE r.worked), 0)::bigint AS worked,
       coalesce(sum(r.leads) FILTER (WHERE r.converted), 0)::bigint AS conversions,
       sum(r.conversion_value) AS conversion_value
FROM analytics_lead_stage_daily r
WHERE r.territory_id <> 0
GROUP BY r.rep_id, r.day, r.territory_id, r.lead_source, r.needs_police, r.superload;
-- For REFRESH … CONCURRENTLY, and the figure's read (one rep slice, a range of days, every
-- territory or one).
CREATE UNIQUE INDEX analytics_territory_daily_key ON analytics_territory_daily (rep_id, day, territory_id, lead_source, needs_police, superload);

-- Rep productivity's emails (get-rep-productivity.ts): prospect emails per company day of their
-- sending (or writing, when never sent), sender and status, and how many of them got a reply.
-- The status is kept, not judged: which statuses count as sent stays the figure's rule
-- (UNSENT_EMAIL_STATUSES). Without lead filters; with them the figure reads email_messages.
CREATE MATERIALIZED VIEW analytics_email_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
)
SELECT (coalesce(m.sent_at, m.created_at) AT TIME ZONE zone.tz)::date AS day, m.sender_id, m.status,
       count(*)::bigint AS emails, count(*) FILTER (WHERE m.replied_at IS NOT NULL)::bigint AS replied
FROM email_messages m
CROSS JOIN zone
WHERE m.lead_id IS NOT NULL
GROUP BY 1, 2, 3;
-- For REFRESH … CONCURRENTLY, and the figure's read (a range of days, every sender or one).
CREATE UNIQUE INDEX analytics_email_daily_key ON analytics_email_daily (day, sender_id, status);

-- Time to conversion (get-time-to-conversion.ts) sorted every conversion of the range for its
-- medians: at 10x a year is 300 000 of them. Here the days from a lead's arrival to its
-- conversion ("days") and from its first sales action to its conversion ("contact", when the
-- action came first) are histograms of day buckets per company day of the conversion and rep
-- slice (0: the team; else the converting rep), with their sums for the means. Bucket b holds
-- [edge b - 1, edge b) (width_bucket): the figure's distribution edges (1, 3, 7, 14 and 30 days)
-- are among them, so its distribution is exact, and a median read from the buckets is off by
-- less than its bucket's width. From lead_facts (kept by its triggers); without lead filters.
CREATE FUNCTION analytics_day_edges() RETURNS double precision[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '{0,0.01,0.012,0.015,0.02,0.025,0.03,0.04,0.05,0.06,0.08,0.1,0.12,0.15,0.2,0.25,0.3,0.4,0.5,0.6,0.8,1,1.2,1.5,2,2.5,3,4,5,6,7,8,10,12,14,15,20,25,30,40,50,60,80,100,120,150,200,250,300,400,500,600,800,1000,1200,1500,2000,2500,3000}'::double precision[]
$$;

CREATE MATERIALIZED VIEW analytics_conversion_time_daily AS
WITH zone AS (
  SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz
), conv AS (
  SELECT (f.converted_at AT TIME ZONE zone.tz)::date AS day, f.conversion_rep_id AS rep,
         greatest(0, extract(epoch FROM f.converted_at - f.created_at) / 86400.0) AS days,
         CASE WHEN f.first_action_at <= f.converted_at THEN extract(epoch FROM f.converted_at - f.first_action_at) / 86400.0 END AS contact_days
  FROM lead_facts f
  CROSS JOIN zone
  WHERE f.converted_at IS NOT NULL
)
SELECT s.rep_id, c.day, m.metric, width_bucket(m.v::double precision, analytics_day_edges()) AS bucket,
       count(*)::bigint AS conversions, sum(m.v) AS total_days
FROM conv c
CROSS JOIN LATERAL (SELECT 0 UNION ALL SELECT c.rep WHERE c.rep IS NOT NULL) s(rep_id)
CROSS JOIN LATERAL (VALUES ('days', c.days), ('contact', c.contact_days)) m(metric, v)
WHERE m.v IS NOT NULL
GROUP BY 1, 2, 3, 4;
-- For REFRESH … CONCURRENTLY, and the figure's read (one rep slice, a range of days).
CREATE UNIQUE INDEX analytics_conversion_time_daily_key ON analytics_conversion_time_daily (rep_id, day, metric, bucket);

-- Backfill: filled as created; the first from its source's refresh, the others as of now.
INSERT INTO analytics_rollup_refreshes (name, refreshed_at, time_zone, duration_ms)
SELECT 'analytics_territory_daily', s.refreshed_at, s.time_zone, 0 FROM analytics_rollup_refreshes s WHERE s.name = 'analytics_lead_stage_daily'
UNION ALL
SELECT v.name, now(), coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago'), 0
FROM (VALUES ('analytics_email_daily'), ('analytics_conversion_time_daily')) v(name)
ON CONFLICT (name) DO NOTHING;
