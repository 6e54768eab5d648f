-- Issue #19: the speed-to-lead rollup refreshed in 30 s instead of 196 s at 1 000 000 leads, the
-- longest of the analytics-rollups-refresh job (and of the 10x seed's closing refresh, which the
-- issue wants under 15 minutes). Same rows, same running totals: on the 10x database the new
-- query's 52 704 rows equal the old view's, EXCEPT both ways empty.
--
-- EXPLAIN ANALYZE of the old definition: 128 of its 182 s sorted 21 488 122 rows on disk (928 MB),
-- each lead's (metric, clock) row fanned out to its all, rep, source and territory histograms
-- before one GROUP BY, which the planner could only sort (it estimated 16 000 000 groups: there
-- are 814 420), then 21 s more to sort the 3 900 096-row grid of positions for the running sums.
-- Now each histogram family is its own GROUP BY over the bucketed leads (kept once), small enough
-- to hash in memory (34 313 + 512 241 + 137 101 + 130 765 groups); a lead's territories come
-- from its states array by equality with each distinct array's territories (597 arrays at
-- 1 000 000 leads), not an overlap test per row; and the running totals are sums of whole arrays,
-- one per histogram and day, in day order (analytics_sum_counts), instead of a window per position.

-- Position by position, the counts of one day added to the running totals before it.
CREATE FUNCTION analytics_add_counts(totals int[], counts int[]) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(t, 0) + c ORDER BY i) FROM unnest(totals, counts) WITH ORDINALITY u(t, c, i)
$$;

-- The running totals of day arrays, as a window aggregate in day order (ORDER BY in the window).
CREATE AGGREGATE analytics_sum_counts(int[]) (SFUNC = analytics_add_counts, STYPE = int[], INITCOND = '{}');

DROP MATERIALIZED VIEW analytics_speed_daily;

-- What migration speed_rollup_and_first_claim says of it still holds (per histogram and company
-- day with leads, the running totals; the same rules as the figure's lead_facts query); only the
-- way it is computed changed. Made WITH DATA here, as REFRESH … CONCURRENTLY needs a populated
-- view: about 30 s at 1 000 000 leads. Its analytics_rollup_refreshes row is kept: the contents
-- are at least as new as that row says.
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
), bucketed AS MATERIALIZED (
  -- Read four times below (all, rep, source, territory), so kept once.
  SELECT p.day, p.metric, c.clock, p.lead_source, p.states, p.rep,
         CASE WHEN c.v IS NULL THEN 0 ELSE 1 + analytics_minute_bucket(c.v, analytics_minute_edges()) END AS pos
  FROM per_lead p
  CROSS JOIN LATERAL (VALUES ('elapsed', p.mins), ('working', p.bmins)) c(clock, v)
), territory_of AS (
  -- The leads' states arrays are few (597 at 1 000 000 leads): each array's territories, once.
  SELECT s.states, t.id AS territory_id FROM (SELECT DISTINCT states FROM lead_facts) s JOIN territories t ON t.states && s.states
), daily AS (
  SELECT metric, clock, 'all' AS dim, '' AS key, day, pos, count(*)::int AS n FROM bucketed GROUP BY metric, clock, day, pos
  UNION ALL
  SELECT metric, clock, 'rep', rep::text, day, pos, count(*)::int FROM bucketed WHERE rep IS NOT NULL GROUP BY metric, clock, rep, day, pos
  UNION ALL
  SELECT metric, clock, 'source', lead_source::text, day, pos, count(*)::int FROM bucketed GROUP BY metric, clock, lead_source, day, pos
  UNION ALL
  SELECT b.metric, b.clock, 'territory', t.territory_id::text, b.day, b.pos, count(*)::int
  FROM bucketed b JOIN territory_of t ON t.states = b.states GROUP BY b.metric, b.clock, t.territory_id, b.day, b.pos
), per_day AS (
  -- Each histogram's day as a whole array of its positions' counts (0 where none).
  SELECT d.metric, d.clock, d.dim, d.key, d.day,
         (SELECT array_agg(coalesce(v.n, 0) ORDER BY s.pos) FROM generate_series(0, cardinality(analytics_minute_edges()) + 1) s(pos)
            LEFT JOIN unnest(d.positions, d.counts) v(pos, n) ON v.pos = s.pos) AS counts
  FROM (SELECT metric, clock, dim, key, day, array_agg(pos) AS positions, array_agg(n) AS counts FROM daily GROUP BY metric, clock, dim, key, day) d
)
SELECT metric, clock, dim, key, day, analytics_sum_counts(counts) OVER (PARTITION BY metric, clock, dim, key ORDER BY day) AS counts
FROM per_day;
-- For REFRESH … CONCURRENTLY, and the figure's reads: per histogram, the last day on or before a
-- range's end and the last before its start (ORDER BY day DESC LIMIT 1).
CREATE UNIQUE INDEX analytics_speed_daily_key ON analytics_speed_daily (metric, clock, dim, key, day);
