-- AlterTable
ALTER TABLE "users" ADD COLUMN     "live_desktop_alerts" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "live_sound" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "live_events" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event" JSONB NOT NULL,

    CONSTRAINT "live_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "live_events_created_at_idx" ON "live_events"("created_at");

-- Publishes one live event (lib/live/publish-live-event.ts calls it; so does ingestion below):
-- keeps it for Last-Event-ID resume and wakes every app instance's listener. Both happen only
-- if the caller's transaction commits. The channel is LIVE_CHANNEL in that file. The payload is
-- the event with its id; one that would pass NOTIFY's 8000-byte limit carries the id and kind
-- only, and listeners read the rest from the row (they read rows by id anyway).
CREATE FUNCTION publish_live_event(p_event jsonb) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_payload text;
BEGIN
  INSERT INTO live_events (event) VALUES (p_event) RETURNING id INTO v_id;
  v_payload := (p_event || jsonb_build_object('id', v_id))::text;
  IF octet_length(v_payload) > 7900 THEN
    v_payload := jsonb_build_object('id', v_id, 'kind', p_event ->> 'kind')::text;
  END IF;
  PERFORM pg_notify('crm_live', v_payload);
  RETURN v_id;
END
$$;

-- ingest_lead_events() and, in the same transaction, a live event for each lead the batch
-- created (lead.created) or converted (lead.converted, an order_placed or registration event).
-- Which ones is read from the lead timeline rows the batch wrote (ids above the largest before
-- it), so ingest_lead_events() itself stays as it is. A replayed webhook writes no timeline row
-- and so publishes nothing.
CREATE FUNCTION ingest_lead_events_live(p_events jsonb, p_window_minutes int, p_history_limit int)
RETURNS TABLE (ord int, lead_id int, consolidated boolean, status text, replay_sha256 text, auto_assign jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  v_after bigint := coalesce((SELECT max(e.id) FROM lead_events e), 0);
  v_leads int[] := '{}';
  r record;
BEGIN
  FOR r IN SELECT * FROM ingest_lead_events(p_events, p_window_minutes, p_history_limit) LOOP
    ord := r.ord;
    lead_id := r.lead_id;
    consolidated := r.consolidated;
    status := r.status;
    replay_sha256 := r.replay_sha256;
    auto_assign := r.auto_assign;
    v_leads := v_leads || r.lead_id;
    RETURN NEXT;
  END LOOP;
  FOR r IN
    SELECT e.type, l.id, l.states, l.assigned_admin_id
    FROM lead_events e JOIN sales_leads l ON l.id = e.lead_id
    WHERE e.id > v_after AND e.lead_id = ANY (v_leads) AND e.type IN ('created', 'converted')
    ORDER BY e.id
  LOOP
    PERFORM publish_live_event(jsonb_build_object(
      'kind', CASE r.type WHEN 'created' THEN 'lead.created' ELSE 'lead.converted' END,
      'leadId', r.id, 'states', to_jsonb(r.states), 'assignedAdminId', r.assigned_admin_id, 'actorId', NULL));
  END LOOP;
END
$$;
