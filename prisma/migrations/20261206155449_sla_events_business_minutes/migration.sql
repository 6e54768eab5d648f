-- CreateTable
CREATE TABLE "sla_events" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "notified" INTEGER[],
    "fired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sla_events_lead_id_kind_key" ON "sla_events"("lead_id", "kind");

-- AddForeignKey
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Minutes of the company's working hours between two instants, for the working-hours variant of
-- the speed-to-lead figures (lib/analytics/get-speed-to-lead.ts). One row per company calendar day
-- the span touches: that day's window [start, end) in the zone, clipped to the span. Elapsed
-- minutes, so a window across a daylight-saving change counts the hour it really lasted.
-- Twin of businessMinutesBetween() in lib/kernel/business-hours.ts; tests/integration/
-- business-minutes-sql.test.ts runs both on DST cases and demands equal answers.
-- STRICT: a missing end (a lead never claimed) gives NULL, which the aggregates skip.
CREATE OR REPLACE FUNCTION business_minutes(t0 timestamptz, t1 timestamptz, tz text, work_days int[], start_minute int, end_minute int)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(sum(greatest(0, extract(epoch FROM least(t1, w.e) - greatest(t0, w.s)))), 0)::double precision / 60
  FROM generate_series((t0 AT TIME ZONE tz)::date::timestamp, (t1 AT TIME ZONE tz)::date::timestamp, interval '1 day') AS d(day)
  CROSS JOIN LATERAL (
    SELECT (d.day + make_interval(mins => start_minute)) AT TIME ZONE tz AS s,
           (d.day + make_interval(mins => end_minute)) AT TIME ZONE tz AS e
  ) w
  WHERE t1 > t0 AND extract(isodow FROM d.day)::int = ANY (work_days)
$$;
