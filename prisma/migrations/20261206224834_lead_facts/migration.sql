-- AlterTable
ALTER TABLE "analytics_rollup_refreshes" ADD COLUMN     "business_hours" JSONB;

-- CreateTable
CREATE TABLE "lead_facts" (
    "lead_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "lead_source" "lead_source" NOT NULL,
    "states" TEXT[],
    "needs_police" BOOLEAN NOT NULL,
    "superload" BOOLEAN NOT NULL,
    "claim_at" TIMESTAMPTZ(3),
    "claim_rep_id" INTEGER,
    "touch_at" TIMESTAMPTZ(3),
    "touch_rep_id" INTEGER,
    "first_action_at" TIMESTAMPTZ(3),
    "converted_at" TIMESTAMPTZ(3),
    "conversion_rep_id" INTEGER,
    "claim_business_minutes" DOUBLE PRECISION,
    "touch_business_minutes" DOUBLE PRECISION,

    CONSTRAINT "lead_facts_pkey" PRIMARY KEY ("lead_id")
);

-- CreateIndex
CREATE INDEX "lead_facts_created_at_idx" ON "lead_facts"("created_at");

-- CreateIndex
CREATE INDEX "lead_facts_converted_at_idx" ON "lead_facts"("converted_at") WHERE (converted_at IS NOT NULL);

-- CreateIndex
CREATE INDEX "lead_facts_minutes_todo_idx" ON "lead_facts"("lead_id") WHERE (((claim_at IS NOT NULL) AND (claim_business_minutes IS NULL)) OR ((touch_at IS NOT NULL) AND (touch_business_minutes IS NULL)));

-- AddForeignKey
ALTER TABLE "lead_facts" ADD CONSTRAINT "lead_facts_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue #19: per-lead facts for the speed-to-lead and time-to-conversion figures, so at 10 M
-- actions they are an aggregate over one narrow table (lead_facts_created_at_idx,
-- lead_facts_converted_at_idx above) instead of four index probes and two business_minutes()
-- calls per lead. Kept in the same transaction as the write they follow, by statement triggers
-- below that recompute the leads a statement touched; the live queries stay in the figures' files
-- (`{ live: true }`) and tests/integration/lead-facts.test.ts holds the two equal.

-- The facts of the leads `ids`, recomputed from the base tables: the same first claim (first
-- `claimed`/`assigned` event, its rep), first touch (first sales action not undone, or the first
-- sent email when earlier) and conversion as the live queries of get-speed-to-lead.ts and
-- get-time-to-conversion.ts. Business minutes are kept while the instants they count between are
-- unchanged and cleared otherwise (the job fills them: lib/analytics/fill-lead-fact-minutes.ts).
CREATE FUNCTION lead_facts_refresh(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
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
  -- lead_events_first_claim_idx; an assignment names its rep in its data.
  LEFT JOIN LATERAL (
    SELECT e.created_at AS at,
           CASE WHEN e.type = 'claimed' THEN e.actor_id ELSE coalesce((e.data->>'to_admin_id')::int, (e.data->>'to')::int) END AS rep
    FROM lead_events e WHERE e.lead_id = l.id AND e.type IN ('claimed', 'assigned')
    ORDER BY e.created_at, e.id LIMIT 1
  ) claim ON true
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

-- One statement trigger per table and event (transition tables allow no more), each passing on
-- the leads whose facts may have changed. Statement-level: a bulk insert (an import, a seed)
-- recomputes its leads in one set-based statement. The trigger's arguments: the column naming
-- the lead; the columns the facts read (an update that changes none of them passes nothing on:
-- the next-touch trigger's updates of sales_actions, an email's delivery events, a lead's status
-- and follow-up changes); which rows can matter at all, as a condition on the alias %1$s.
CREATE FUNCTION lead_facts_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lead text := TG_ARGV[0];
  watched text[] := TG_ARGV[1]::text[];
  matters text := coalesce(TG_ARGV[2], 'true');
  changed text;
  ids int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(r.%I) FROM new_rows r WHERE %s', lead, format(matters, 'r')) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(r.%I) FROM old_rows r WHERE %s', lead, format(matters, 'r')) INTO ids;
  ELSE
    SELECT format('ROW(%s) IS DISTINCT FROM ROW(%s)', string_agg('n.' || quote_ident(c), ', '), string_agg('o.' || quote_ident(c), ', '))
      INTO changed FROM unnest(watched) c;
    -- Both sides: a sales action moved to another lead changes the facts of both leads.
    EXECUTE format('SELECT array_agg(x.lead) FROM new_rows n JOIN old_rows o ON o.id = n.id
                    CROSS JOIN LATERAL (SELECT n.%1$I WHERE %2$s UNION ALL SELECT o.%1$I WHERE %3$s) x(lead)
                    WHERE %4$s', lead, format(matters, 'n'), format(matters, 'o'), changed) INTO ids;
  END IF;
  PERFORM lead_facts_refresh(ids);
  RETURN NULL;
END $$;

CREATE TRIGGER lead_facts_insert AFTER INSERT ON sales_leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('id', '{created_at,lead_source,states,needs_police,superload}');
CREATE TRIGGER lead_facts_update AFTER UPDATE ON sales_leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('id', '{created_at,lead_source,states,needs_police,superload}');

CREATE TRIGGER lead_facts_insert AFTER INSERT ON sales_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,created_at,voided_at,admin_id}');
CREATE TRIGGER lead_facts_update AFTER UPDATE ON sales_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,created_at,voided_at,admin_id}');
CREATE TRIGGER lead_facts_delete AFTER DELETE ON sales_actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,created_at,voided_at,admin_id}');

-- Only claims and assignments among the lead events.
CREATE TRIGGER lead_facts_insert AFTER INSERT ON lead_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,type,created_at,actor_id,data}', '%1$s.type IN (''claimed'', ''assigned'')');
CREATE TRIGGER lead_facts_update AFTER UPDATE ON lead_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,type,created_at,actor_id,data}', '%1$s.type IN (''claimed'', ''assigned'')');
CREATE TRIGGER lead_facts_delete AFTER DELETE ON lead_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,type,created_at,actor_id,data}', '%1$s.type IN (''claimed'', ''assigned'')');

-- Only emails of a lead that were sent.
CREATE TRIGGER lead_facts_insert AFTER INSERT ON email_messages REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,sent_at,sender_id}', '%1$s.lead_id IS NOT NULL AND %1$s.sent_at IS NOT NULL');
CREATE TRIGGER lead_facts_update AFTER UPDATE ON email_messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,sent_at,sender_id}', '%1$s.lead_id IS NOT NULL AND %1$s.sent_at IS NOT NULL');
CREATE TRIGGER lead_facts_delete AFTER DELETE ON email_messages REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,sent_at,sender_id}', '%1$s.lead_id IS NOT NULL AND %1$s.sent_at IS NOT NULL');

CREATE TRIGGER lead_facts_insert AFTER INSERT ON sales_conversions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,created_at,admin_id}');
CREATE TRIGGER lead_facts_update AFTER UPDATE ON sales_conversions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,created_at,admin_id}');
CREATE TRIGGER lead_facts_delete AFTER DELETE ON sales_conversions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_write('lead_id', '{lead_id,created_at,admin_id}');

-- Backfill: every lead's facts, set-based, in this transaction. Business minutes stay NULL: the
-- analytics-rollups-refresh job counts them in the company's working hours on its first run, and
-- until then the speed figure counts those still missing live (as before this migration).
SELECT lead_facts_refresh(array_agg(id ORDER BY id)) FROM sales_leads;
ANALYZE lead_facts;
