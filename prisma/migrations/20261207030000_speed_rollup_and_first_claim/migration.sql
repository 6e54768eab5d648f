-- Issue #19, measured at 10x (1 M leads, 10 M actions).

-- 1. The "first claim" rule, once: a lead's first claim or assignment (lead_events_first_claim_idx),
-- its rep being the claimer or, for an assignment, the rep its data names (`to_admin_id`, or the
-- older `to`). lead_facts_refresh() below and the live speed-to-lead query
-- (lib/analytics/get-speed-to-lead.ts, `{ live: true }`) both call it. A single-SELECT SQL
-- function, so the planner inlines it into each caller's LATERAL join (no per-lead function call).
CREATE FUNCTION lead_first_claim(int) RETURNS TABLE (at timestamptz, rep int) LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT e.created_at,
         CASE WHEN e.type = 'claimed' THEN e.actor_id ELSE coalesce((e.data->>'to_admin_id')::int, (e.data->>'to')::int) END
  FROM lead_events e WHERE e.lead_id = $1 AND e.type IN ('claimed', 'assigned')
  ORDER BY e.created_at, e.id LIMIT 1
$$;

-- The facts of the leads `ids` (migration `lead_facts`), now through lead_first_claim().
CREATE OR REPLACE FUNCTION lead_facts_refresh(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  -- Two transactions writing one lead (an action logged while its email is being delivered) queue
  -- here; the INSERT below is a new statement, so it reads what the first one committed.
  PERFORM 1 FROM lead_facts f WHERE f.lead_id = ANY (ids) ORDER BY f.lead_id FOR UPDATE;
  INSERT INTO lead_facts AS f (lead_id, created_at, lead_source, states, needs_police, superload, claim_at, claim_rep_id,
                               touch_at, touch_rep_id, first_action_at, converted_at, conversion_rep_id)
  SELECT l.id, l.created_at, l.lead_source, l.states, l.needs_police, l.superload, claim.at, claim.rep,
         CASE WHEN mail.at < act.at OR act.at IS NULL THEN mail.at ELSE act.at END,
         CASE WHEN mail.at < act.at OR act.at IS NULL THEN mail.rep ELSE act.rep END,
         act.at, c.created_at, c.admin_id
  FROM (SELECT DISTINCT unnest(ids) AS id) i
  JOIN sales_leads l ON l.id = i.id
  -- The first claim, by the rule both this and the live speed figure call.
  LEFT JOIN LATERAL lead_first_claim(l.id) claim ON true
  LEFT JOIN LATERAL (
    SELECT a.created_at AS at, a.admin_id AS rep FROM sales_actions a
    WHERE a.lead_id = l.id AND a.voided_at IS NULL ORDER BY a.created_at LIMIT 1
  ) act ON true
  LEFT JOIN LATERAL (
    SELECT m.sent_at AS at, m.sender_id AS rep FROM email_messages m
    WHERE m.lead_id = l.id AND m.sent_at IS NOT NULL ORDER BY m.sent_at LIMIT 1
  ) mail ON true
  LEFT JOIN sales_conversions c ON c.lead_id = l.id
  ON CONFLICT (lead_id) DO UPDATE SET
    created_at = EXCLUDED.created_at, lead_source = EXCLUDED.lead_source, states = EXCLUDED.states,
    needs_police = EXCLUDED.needs_police, superload = EXCLUDED.superload,
    claim_at = EXCLUDED.claim_at, claim_rep_id = EXCLUDED.claim_rep_id,
    touch_at = EXCLUDED.touch_at, touch_rep_id = EXCLUDED.touch_rep_id, first_action_at = EXCLUDED.first_action_at,
    converted_at = EXCLUDED.converted_at, conversion_rep_id = EXCLUDED.conversion_rep_id,
    claim_business_minutes = CASE WHEN f.created_at = EXCLUDED.created_at AND f.claim_at IS NOT DISTINCT FROM EXCLUDED.claim_at
                                  THEN f.claim_business_minutes END,
    touch_business_minutes = CASE WHEN f.created_at = EXCLUDED.created_at AND f.touch_at IS NOT DISTINCT FROM EXCLUDED.touch_at
                                  THEN f.touch_business_minutes END
  -- Unchanged facts are not rewritten (most of the statements below change none).
  WHERE (f.created_at, f.lead_source, f.states, f.needs_police, f.superload, f.claim_at, f.claim_rep_id, f.touch_at,
         f.touch_rep_id, f.first_action_at, f.converted_at, f.conversion_rep_id)
        IS DISTINCT FROM (EXCLUDED.created_at, EXCLUDED.lead_source, EXCLUDED.states, EXCLUDED.needs_police, EXCLUDED.superload,
         EXCLUDED.claim_at, EXCLUDED.claim_rep_id, EXCLUDED.touch_at, EXCLUDED.touch_rep_id, EXCLUDED.first_action_at,
         EXCLUDED.converted_at, EXCLUDED.conversion_rep_id);
END $$;

-- 2. Speed to lead from a rollup. Over lead_facts, the figure sorts every lead of the range twice
-- per grouping (median and 90th percentile, elapsed and working minutes, overall and per rep,
-- source, territory and period): at 10x a 90-day range is 340 000 leads and the query takes
-- seconds however the facts are indexed. Here each distribution is a histogram of minute buckets,
-- kept as running totals per company day, so any range's histogram is two rows subtracted (the
-- last row on or before its end minus the last before its start), whatever its length.

-- The bucket edges in minutes, ten per decade from 0.1 minute to about two years: each bucket is
-- (previous edge, edge], so "within 5 minutes" and "within 1 hour" (edges 5 and 60) are exact
-- counts, and a median read from the buckets is off by less than its bucket's width (a third of
-- its value at most). The figure reads the edges from here too (one owner).
CREATE FUNCTION analytics_minute_edges() RETURNS double precision[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '{0,0.1,0.12,0.15,0.2,0.25,0.3,0.4,0.5,0.6,0.8,1,1.2,1.5,2,2.5,3,4,5,6,8,10,12,15,20,25,30,40,50,60,80,100,120,150,200,250,300,400,500,600,800,1000,1200,1500,2000,2500,3000,4000,5000,6000,8000,10000,12000,15000,20000,25000,30000,40000,50000,60000,80000,100000,120000,150000,200000,250000,300000,400000,500000,600000,800000,1000000}'::double precision[]
$$;

-- The bucket of `minutes` among `edges` (analytics_minute_edges()): how many edges lie below it
-- (0: exactly 0; the last: above every edge). The edges come in as an argument rather than being
-- read here: pg_dump qualifies the view's calls with their schema, but not a SQL function's body,
-- and pg_restore builds the view with an empty search_path, where an unqualified call would fail.
CREATE FUNCTION analytics_minute_bucket(minutes double precision, edges double precision[]) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(minutes, edges) - (minutes = ANY (edges))::int
$$;

-- Per histogram (metric: claim or touch; clock: elapsed or working minutes; dim/key: all leads '',
-- a rep, a source, a territory) and per company day with leads: `counts`, the running totals up
-- to and including that day, counts[1] being the leads not reached yet and counts[2 + b] those in
-- bucket b. The same rules as the figure's lead_facts query: a lead counts on the day it arrived,
-- a rep's histogram holds the claims (touches) that rep made, a lead counts in every territory
-- whose states it touches. Days and working minutes are those of the `lead_facts` refresh row
-- (the zone and working hours its business minutes were counted in; the refresh job counts them
-- just before this view, and counts here any a trigger cleared since). The figure reads it only
-- for the whole team without lead filters, while that zone and those hours are the company's.
-- Refreshed CONCURRENTLY by the analytics-rollups-refresh job.
CREATE MATERIALIZED VIEW analytics_speed_daily AS
WITH st AS (
  SELECT r.time_zone AS tz,
         ARRAY(SELECT jsonb_array_elements_text(r.business_hours->'days')::int) AS days,
         split_part(r.business_hours->>'start', ':', 1)::int * 60 + split_part(r.business_hours->>'start', ':', 2)::int AS start_minute,
         split_part(r.business_hours->>'end', ':', 1)::int * 60 + split_part(r.business_hours->>'end', ':', 2)::int AS end_minute
  FROM analytics_rollup_refreshes r WHERE r.name = 'lead_facts'
), per_lead AS (
  SELECT (f.created_at AT TIME ZONE st.tz)::date AS day, x.metric, f.lead_source, f.states, x.rep,
         CASE WHEN x.at IS NOT NULL THEN greatest(0, extract(epoch FROM x.at - f.created_at) / 60.0) END::double precision AS mins,
         coalesce(x.counted, business_minutes(f.created_at, x.at, st.tz, st.days, st.start_minute, st.end_minute)) AS bmins
  FROM lead_facts f
  CROSS JOIN st
  CROSS JOIN LATERAL (VALUES
    ('claim', f.claim_rep_id, f.claim_at, f.claim_business_minutes),
    ('touch', f.touch_rep_id, f.touch_at, f.touch_business_minutes)
  ) x(metric, rep, at, counted)
), bucketed AS (
  SELECT p.day, p.metric, c.clock, p.lead_source, p.states, p.rep,
         CASE WHEN c.v IS NULL THEN 0 ELSE 1 + analytics_minute_bucket(c.v, analytics_minute_edges()) END AS pos
  FROM per_lead p
  CROSS JOIN LATERAL (VALUES ('elapsed', p.mins), ('working', p.bmins)) c(clock, v)
), daily AS (
  SELECT b.metric, b.clock, d.dim, d.key, b.day, b.pos, count(*) AS n
  FROM bucketed b
  CROSS JOIN LATERAL (
    SELECT 'all', ''
    -- Unreached leads have no rep: they are only the other histograms' "not reached yet".
    UNION ALL SELECT 'rep', b.rep::text WHERE b.rep IS NOT NULL
    UNION ALL SELECT 'source', b.lead_source::text
    UNION ALL SELECT 'territory', t.id::text FROM territories t WHERE t.states && b.states
  ) d(dim, key)
  GROUP BY 1, 2, 3, 4, 5, 6
), grid AS (
  -- Every position on every day a histogram has leads, so the running totals are whole arrays.
  SELECT h.metric, h.clock, h.dim, h.key, h.day, g.pos, coalesce(x.n, 0) AS n
  FROM (SELECT DISTINCT metric, clock, dim, key, day FROM daily) h
  CROSS JOIN generate_series(0, cardinality(analytics_minute_edges()) + 1) g(pos)
  LEFT JOIN daily x ON (x.metric, x.clock, x.dim, x.key, x.day, x.pos) = (h.metric, h.clock, h.dim, h.key, h.day, g.pos)
)
SELECT metric, clock, dim, key, day, array_agg(total::int ORDER BY pos) AS counts
FROM (SELECT grid.*, sum(n) OVER (PARTITION BY metric, clock, dim, key, pos ORDER BY day) AS total FROM grid) s
GROUP BY metric, clock, dim, key, day;
-- For REFRESH … CONCURRENTLY, and the figure's reads: per histogram, the last day on or before a
-- range's end and the last before its start (ORDER BY day DESC LIMIT 1).
CREATE UNIQUE INDEX analytics_speed_daily_key ON analytics_speed_daily (metric, clock, dim, key, day);

-- Backfill: filled as created, from the facts as their last count left them.
INSERT INTO analytics_rollup_refreshes (name, refreshed_at, time_zone, duration_ms, business_hours)
SELECT 'analytics_speed_daily', r.refreshed_at, r.time_zone, 0, r.business_hours FROM analytics_rollup_refreshes r WHERE r.name = 'lead_facts'
ON CONFLICT (name) DO NOTHING;
