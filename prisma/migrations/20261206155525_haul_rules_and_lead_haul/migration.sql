-- AlterTable
ALTER TABLE "sales_leads" ADD COLUMN     "haul" JSONB,
ADD COLUMN     "needs_police" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "superload" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "haul_rules" (
    "id" SERIAL NOT NULL,
    "state" CHAR(2) NOT NULL,
    "dimension" TEXT NOT NULL,
    "road_type" TEXT NOT NULL DEFAULT 'all',
    "min_value" INTEGER,
    "min_inclusive" BOOLEAN NOT NULL DEFAULT false,
    "max_value" INTEGER,
    "front_escorts" INTEGER NOT NULL DEFAULT 0,
    "rear_escorts" INTEGER NOT NULL DEFAULT 0,
    "height_pole" BOOLEAN NOT NULL DEFAULT false,
    "police" BOOLEAN NOT NULL DEFAULT false,
    "route_survey" BOOLEAN NOT NULL DEFAULT false,
    "superload" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "checked_on" DATE NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "haul_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "haul_state_fees" (
    "state" CHAR(2) NOT NULL,
    "permit_fee" DECIMAL(10,2),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "haul_state_fees_pkey" PRIMARY KEY ("state")
);

-- CreateIndex
CREATE INDEX "haul_rules_state_idx" ON "haul_rules"("state");

-- CreateIndex
CREATE INDEX "audit_log_target_type_target_id_at_idx" ON "audit_log"("target_type", "target_id", "at");

-- CreateIndex
CREATE INDEX "sales_leads_needs_police_superload_status_idx" ON "sales_leads"("needs_police", "superload", "status");

-- Issue 16: a load plan carries its haul estimate (lib/haul/estimate-haul.ts, computed before the
-- batch). The lead keeps the estimate of its largest load, the one worth most: a later event's
-- estimate replaces it only when its high value is above the kept one, and on a consolidated lead
-- the timeline says which load now sets the value. Runs in the batch's transaction, right after
-- the event's own ingest_lead_event(), so the lead and its haul commit together.
CREATE OR REPLACE FUNCTION apply_lead_haul(p_lead_id int, p_haul jsonb, p_consolidated boolean, p_webhook_id text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_previous jsonb;
BEGIN
  SELECT l.haul INTO v_previous FROM sales_leads l WHERE l.id = p_lead_id;
  IF v_previous IS NOT NULL
     AND coalesce((p_haul #>> '{value,high}')::numeric, 0) <= coalesce((v_previous #>> '{value,high}')::numeric, 0) THEN
    -- A smaller load joining says on the timeline that the larger one still sets the value; the
    -- same load again says nothing.
    IF p_consolidated AND coalesce((p_haul #>> '{value,high}')::numeric, 0) < coalesce((v_previous #>> '{value,high}')::numeric, 0) THEN
      INSERT INTO lead_events (lead_id, type, data)
      VALUES (p_lead_id, 'haul', jsonb_build_object('kept', true, 'webhook_id', p_webhook_id,
              'load', p_haul -> 'load', 'high', p_haul #> '{value,high}', 'kept_load', v_previous -> 'load', 'kept_high', v_previous #> '{value,high}'));
    END IF;
    RETURN;
  END IF;
  UPDATE sales_leads l
  SET haul = p_haul,
      needs_police = coalesce((p_haul #>> '{flags,police}')::boolean, false),
      superload = coalesce((p_haul #>> '{flags,superload}')::boolean, false)
  WHERE l.id = p_lead_id;
  -- The first haul of a lead is part of its creation or activity; only a replacement is news.
  IF p_consolidated AND v_previous IS NOT NULL THEN
    INSERT INTO lead_events (lead_id, type, data)
    VALUES (p_lead_id, 'haul', jsonb_build_object('kept', false, 'webhook_id', p_webhook_id,
            'load', p_haul -> 'load', 'high', p_haul #> '{value,high}',
            'previous_load', v_previous -> 'load', 'previous_high', v_previous #> '{value,high}'));
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION ingest_lead_events(p_events jsonb, p_window_minutes int, p_history_limit int)
RETURNS TABLE (ord int, lead_id int, consolidated boolean, status text, replay_sha256 text, auto_assign jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  v_event jsonb;
  v_ord bigint;
  v_row record;
  v_auto_assign jsonb := (SELECT s.value FROM settings s WHERE s.key = 'auto_assign');
BEGIN
  FOR v_event, v_ord IN SELECT e.value, e.ordinality FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e LOOP
    SELECT r.* INTO v_row
    FROM ingest_lead_event(
      v_event ->> 'webhook_id',
      v_event ->> 'body_sha256',
      v_event ->> 'source',
      v_event -> 'payload',
      (v_event ->> 'occurred_at')::timestamptz,
      (v_event ->> 'value')::numeric,
      (v_event ->> 'stated_value')::numeric,
      ARRAY(SELECT jsonb_array_elements_text(v_event -> 'states')),
      p_window_minutes,
      p_history_limit) AS r;
    -- A replayed webhook-id wrote nothing, so its haul is not applied again either.
    IF v_row.replay_sha256 IS NULL AND jsonb_typeof(v_event -> 'haul') = 'object' THEN
      PERFORM apply_lead_haul(v_row.lead_id, v_event -> 'haul', v_row.consolidated, v_event ->> 'webhook_id');
    END IF;
    ord := v_ord::int;
    lead_id := v_row.lead_id;
    consolidated := v_row.consolidated;
    status := v_row.status;
    replay_sha256 := v_row.replay_sha256;
    auto_assign := v_auto_assign;
    RETURN NEXT;
  END LOOP;
END
$$;
