-- Lead ingestion without work that grows with the tables (issue 3, npm run bench -- ingest).
--
-- 1. The company lookup was one query with OR-ed identity keys. PL/pgSQL caches a generic plan
--    for it after five calls, and for that OR the planner picked a sequential scan of companies:
--    the bench read 4 million company rows for 3 200 events, and at 100 000 companies every event
--    would have read them all. Each key is now its own equality lookup on its own index, tried in
--    the same order of precedence (external_id, then USDOT, then email; ties by id).
-- 2. merge_lead_states() and merge_lead_data() were SQL functions with a FROM clause, which
--    PostgreSQL cannot inline: their bodies were parsed and planned again on every call. As
--    PL/pgSQL without queries they run as cached simple expressions.
-- 3. A location share is worth the average conversion value; that average was taken over every
--    conversion on every such event. It is now the average of the latest 1 000 conversions
--    (sales_conversions_created_at_idx), a bounded read that also follows current prices.

CREATE OR REPLACE FUNCTION merge_lead_states(p_current text[], p_more text[])
RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  v_out text[] := '{}';
  v_state text;
BEGIN
  -- The states of both lists, first-seen order, no repeats, no nulls.
  FOREACH v_state IN ARRAY coalesce(p_current, '{}') || coalesce(p_more, '{}') LOOP
    IF v_state IS NOT NULL AND NOT v_state = ANY (v_out) THEN
      v_out := v_out || v_state;
    END IF;
  END LOOP;
  RETURN v_out;
END
$$;

CREATE OR REPLACE FUNCTION merge_lead_data(p_current jsonb, p_data jsonb, p_entry jsonb, p_limit int)
RETURNS jsonb LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  v_history jsonb := CASE WHEN jsonb_typeof(p_current -> 'history') = 'array' THEN p_current -> 'history' ELSE '[]'::jsonb END
                     || jsonb_build_array(p_entry);
BEGIN
  -- lead_data as events join: the events' data merged at the top level, latest wins per key,
  -- plus `history`, the newest p_limit entries {type, occurred_at, webhook_id, data}.
  WHILE jsonb_array_length(v_history) > greatest(p_limit, 0) LOOP
    v_history := v_history - 0;
  END LOOP;
  RETURN (coalesce(p_current, '{}'::jsonb) - 'history') || coalesce(p_data, '{}'::jsonb)
         || jsonb_build_object('history', v_history);
END
$$;

-- The company of an event: by external_id, else USDOT, else normalized email (USDOT and email only
-- match a company not claimed under another external_id), or a new one. Every identity key the
-- event carries is locked first, in one sorted order, so simultaneous first events of one company
-- wait for each other instead of both inserting.
CREATE OR REPLACE FUNCTION ingest_upsert_company(p_company jsonb, OUT company_id int, OUT company_state text)
LANGUAGE plpgsql AS $$
DECLARE
  v_ext text := nullif(btrim(p_company ->> 'external_id'), '');
  v_usdot text := nullif(btrim(p_company ->> 'usdot'), '');
  v_email text := nullif(btrim(p_company ->> 'email'), '');
  v_email_norm text := lower(v_email);
  v_phone text := nullif(btrim(p_company ->> 'phone'), '');
  v_mc text := nullif(btrim(p_company ->> 'mc_number'), '');
  v_city text := nullif(btrim(p_company ->> 'city'), '');
  v_state text := upper(nullif(btrim(p_company ->> 'state'), ''));
  v_name text := btrim(p_company ->> 'name');
BEGIN
  PERFORM pg_advisory_xact_lock(k)
  FROM (SELECT DISTINCT hashtextextended(key, 0) AS k
        FROM unnest(ARRAY['company:external_id:' || v_ext, 'company:usdot:' || v_usdot, 'company:email:' || v_email_norm]) AS key
        WHERE key IS NOT NULL ORDER BY 1) AS sorted_keys;

  IF v_ext IS NOT NULL THEN
    SELECT c.id, c.state INTO company_id, company_state FROM companies c WHERE c.external_id = v_ext;
  END IF;
  IF company_id IS NULL AND v_usdot IS NOT NULL THEN
    SELECT c.id, c.state INTO company_id, company_state FROM companies c
    WHERE c.usdot = v_usdot AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;
  IF company_id IS NULL AND v_email_norm IS NOT NULL THEN
    SELECT c.id, c.state INTO company_id, company_state FROM companies c
    WHERE c.email_norm = v_email_norm AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;

  IF company_id IS NULL THEN
    INSERT INTO companies (external_id, name, email, email_norm, phone, usdot, mc_number, city, state, updated_at)
    VALUES (v_ext, v_name, v_email, v_email_norm, v_phone, v_usdot, v_mc, v_city, v_state, now())
    RETURNING id, state INTO company_id, company_state;
    RETURN;
  END IF;
  -- The latest event knows the freshest details; a field it leaves out never erases one we have.
  UPDATE companies c
  SET external_id = coalesce(v_ext, c.external_id), name = coalesce(v_name, c.name), email = coalesce(v_email, c.email),
      email_norm = coalesce(v_email_norm, c.email_norm), phone = coalesce(v_phone, c.phone), usdot = coalesce(v_usdot, c.usdot),
      mc_number = coalesce(v_mc, c.mc_number), city = coalesce(v_city, c.city), state = coalesce(v_state, c.state), updated_at = now()
  WHERE c.id = company_id
    AND (c.external_id, c.name, c.email, c.phone, c.usdot, c.mc_number, c.city, c.state)
        IS DISTINCT FROM (coalesce(v_ext, c.external_id), coalesce(v_name, c.name), coalesce(v_email, c.email), coalesce(v_phone, c.phone),
                          coalesce(v_usdot, c.usdot), coalesce(v_mc, c.mc_number), coalesce(v_city, c.city), coalesce(v_state, c.state));
  company_state := coalesce(v_state, company_state);
END
$$;

-- One lead event (DESIGN §6, issue 3). Returns the answer for the sender; on a replayed
-- webhook-id, writes nothing and returns the first answer with the first body's SHA-256
-- (replay_sha256), which the caller compares with its own (different: 409).
CREATE OR REPLACE FUNCTION ingest_lead_event(
  p_webhook_id text,
  p_body_sha256 text,
  p_source text,             -- the event type
  p_payload jsonb,           -- the whole event (validated company and data, unknown fields kept)
  p_occurred_at timestamptz,
  p_value numeric,           -- the event's value; NULL: the historical average conversion value
  p_stated_value numeric,    -- the sender's estimated_value, counted when higher
  p_event_states text[],
  p_window_minutes int,
  p_history_limit int
) RETURNS TABLE (lead_id int, consolidated boolean, status text, replay_sha256 text)
LANGUAGE plpgsql AS $$
DECLARE
  v_company jsonb := p_payload -> 'company';
  v_data jsonb := coalesce(p_payload -> 'data', '{}'::jsonb);
  v_history_entry jsonb := jsonb_build_object('type', p_source, 'occurred_at', p_occurred_at, 'webhook_id', p_webhook_id, 'data', v_data);
  v_company_id int;
  v_company_state text;
  v_lead sales_leads%ROWTYPE;
  v_convert boolean := p_source IN ('order_placed', 'registration');
  v_already boolean := false;
  v_value numeric;
  v_conversion_value numeric;
  v_order_id text := CASE WHEN p_source = 'order_placed' THEN v_data ->> 'order_id' END;
  v_new_source text := CASE p_source WHEN 'order_placed' THEN 'order_attempt' WHEN 'registration' THEN 'manual' ELSE p_source END;
  v_states text[];
  v_activity_id int;
  v_count int;
  v_from lead_status;
  v_status text;
BEGIN
  IF p_webhook_id IS NOT NULL THEN
    -- A twin still in flight holds this key: the insert waits for it, then sees its receipt.
    INSERT INTO webhook_receipts (webhook_id, body_sha256, status_code, response)
    VALUES (p_webhook_id, p_body_sha256, 202, '{}') ON CONFLICT (webhook_id) DO NOTHING;
    IF NOT FOUND THEN
      RETURN QUERY SELECT (r.response ->> 'lead_id')::int, (r.response ->> 'consolidated')::boolean, r.response ->> 'status', r.body_sha256
                   FROM webhook_receipts r WHERE r.webhook_id = p_webhook_id;
      RETURN;
    END IF;
  END IF;

  SELECT u.company_id, u.company_state INTO v_company_id, v_company_state FROM ingest_upsert_company(v_company) u;
  -- Every event of one company passes here one at a time: two can never both create a lead.
  PERFORM pg_advisory_xact_lock(hashtext('sales_leads.company'), v_company_id);

  v_value := greatest(coalesce(p_value, (SELECT round(avg(recent.conversion_value), 2)
                                   FROM (SELECT conversion_value FROM sales_conversions ORDER BY created_at DESC LIMIT 1000) AS recent), 1200), coalesce(p_stated_value, 0));
  v_conversion_value := CASE WHEN p_source = 'order_placed' THEN (v_data ->> 'total')::numeric ELSE v_value END;
  v_states := p_event_states || v_company_state;

  IF v_convert THEN
    -- The same order (or a second registration) converts nothing twice: it joins the converted lead.
    SELECT l.* INTO v_lead FROM sales_leads l JOIN sales_conversions sc ON sc.lead_id = l.id
    WHERE l.company_id = v_company_id
      AND (CASE WHEN v_order_id IS NOT NULL THEN sc.order_id = v_order_id ELSE sc.conversion_type = 'registration' END)
    ORDER BY l.created_at DESC LIMIT 1;
    v_already := FOUND;
    IF NOT v_already THEN
      -- Any open lead, however old: a rep may have worked it for days before the order came.
      SELECT l.* INTO v_lead FROM sales_leads l
      WHERE l.company_id = v_company_id AND l.status IN ('pending', 'assigned', 'in_progress')
      ORDER BY l.created_at DESC LIMIT 1;
    END IF;
  ELSE
    SELECT l.* INTO v_lead FROM sales_leads l
    WHERE l.company_id = v_company_id AND l.status IN ('pending', 'assigned')
      AND l.created_at >= p_occurred_at - make_interval(mins => p_window_minutes)
    ORDER BY l.created_at DESC LIMIT 1;
  END IF;

  IF v_lead.id IS NULL THEN
    -- A new lead (converted at once when an order or registration had nothing to convert).
    INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, states, priority_score, last_activity_at, closed_at, updated_at)
    VALUES (v_company_id, v_new_source::lead_source, merge_lead_data(NULL, v_data, v_history_entry, p_history_limit), v_value,
            CASE WHEN v_convert THEN 'converted' ELSE 'pending' END::lead_status, merge_lead_states('{}', v_states),
            lead_priority_score(v_new_source, v_value, 1), p_occurred_at, CASE WHEN v_convert THEN now() END, now())
    RETURNING * INTO v_lead;
    INSERT INTO lead_activities (lead_id, source, payload, webhook_id, occurred_at)
    VALUES (v_lead.id, p_source, p_payload, p_webhook_id, p_occurred_at);
    INSERT INTO lead_events (lead_id, type, to_status, data)
    VALUES (v_lead.id, 'created', 'pending', jsonb_build_object('source', p_source, 'webhook_id', p_webhook_id));
    v_from := 'pending';
    consolidated := false;
  ELSE
    INSERT INTO lead_activities (lead_id, source, payload, webhook_id, occurred_at)
    VALUES (v_lead.id, p_source, p_payload, p_webhook_id, p_occurred_at)
    RETURNING id INTO v_activity_id;
    SELECT count(*) INTO v_count FROM lead_activities a WHERE a.lead_id = v_lead.id;
    v_value := greatest(v_lead.estimated_value, v_value);
    v_from := v_lead.status;
    UPDATE sales_leads l
    SET lead_data = merge_lead_data(l.lead_data, v_data, v_history_entry, p_history_limit),
        states = merge_lead_states(l.states, v_states),
        estimated_value = v_value,
        last_activity_at = greatest(l.last_activity_at, p_occurred_at),
        -- Intent is the strongest signal seen: a quote joining a load plan's lead scores as a quote.
        priority_score = greatest(lead_priority_score(l.lead_source::text, v_value, v_count), lead_priority_score(p_source, v_value, v_count)),
        status = CASE WHEN v_convert AND NOT v_already THEN 'converted'::lead_status ELSE l.status END,
        closed_at = CASE WHEN v_convert AND NOT v_already THEN now() ELSE l.closed_at END,
        next_follow_up_at = CASE WHEN v_convert AND NOT v_already THEN NULL ELSE l.next_follow_up_at END,
        updated_at = now()
    WHERE l.id = v_lead.id
    RETURNING * INTO v_lead;
    IF NOT v_convert OR v_already THEN
      INSERT INTO lead_events (lead_id, type, data)
      VALUES (v_lead.id, 'activity', jsonb_build_object('source', p_source, 'webhook_id', p_webhook_id, 'activity_id', v_activity_id)
                                     || CASE WHEN v_already THEN '{"already_converted": true}'::jsonb ELSE '{}'::jsonb END);
    END IF;
    consolidated := true;
  END IF;

  IF v_convert AND NOT v_already THEN
    INSERT INTO sales_conversions (lead_id, order_id, conversion_value, conversion_type, admin_id, notes)
    VALUES (v_lead.id, v_order_id, v_conversion_value, p_source::conversion_type, v_lead.assigned_admin_id, 'Converted by a ' || p_source || ' event');
    INSERT INTO lead_events (lead_id, type, from_status, to_status, data)
    VALUES (v_lead.id, 'converted', v_from, 'converted',
            jsonb_build_object('conversion_type', p_source, 'conversion_value', v_conversion_value, 'order_id', v_order_id, 'webhook_id', p_webhook_id));
    v_status := 'converted';
  ELSE
    v_status := v_lead.status::text;
  END IF;

  lead_id := v_lead.id;
  status := v_status;
  IF p_webhook_id IS NOT NULL THEN
    UPDATE webhook_receipts r SET response = jsonb_build_object('lead_id', lead_id, 'consolidated', consolidated, 'status', status)
    WHERE r.webhook_id = p_webhook_id;
  END IF;
  RETURN NEXT;
END
$$;

-- Several events in one statement, one transaction (lib/ingest/submit-lead-event.ts gathers the
-- events that arrive while the previous batch is in the database): each event is exactly
-- ingest_lead_event() on its own, in order, so a later event sees what an earlier one wrote (a
-- company's second event joins the lead its first made). One commit and one round trip serve
-- the whole batch. An error in any event rolls the batch back; the caller then runs each event
-- alone, so only the failing one fails.
CREATE OR REPLACE FUNCTION ingest_lead_events(p_events jsonb, p_window_minutes int, p_history_limit int)
RETURNS TABLE (ord int, lead_id int, consolidated boolean, status text, replay_sha256 text, auto_assign jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  v_event jsonb;
  v_ord bigint;
  v_auto_assign jsonb := (SELECT s.value FROM settings s WHERE s.key = 'auto_assign');
BEGIN
  FOR v_event, v_ord IN SELECT e.value, e.ordinality FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e LOOP
    RETURN QUERY
      SELECT v_ord::int, r.lead_id, r.consolidated, r.status, r.replay_sha256, v_auto_assign
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
  END LOOP;
END
$$;
