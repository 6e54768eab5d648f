-- Lead ingestion in one round trip (issue 3). lib/ingest/create-sales-lead.ts validates the event
-- and computes what needs no database (the event's value and states) in TypeScript,
-- then calls ingest_lead_event(), which does the locked part in one statement: one implicit
-- transaction, each inner statement on a fresh READ COMMITTED snapshot taken after its locks.
-- Prisma does not model functions: they are kept here, beside the tables they write.

-- Mirrors lib/leads/compute-priority-score.ts (a test compares the two over a grid of inputs).
CREATE OR REPLACE FUNCTION lead_priority_score(p_source text, p_value numeric, p_activity_count int)
RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(0, least(100,
    CASE p_source
      WHEN 'order_attempt' THEN 45 WHEN 'quote' THEN 35 WHEN 'load_plan' THEN 25
      WHEN 'location_share' THEN 20 WHEN 'manual' THEN 20 WHEN 'import' THEN 10 ELSE 10 END
    + greatest(0, CASE WHEN p_value > 0 THEN least(40, floor(log(p_value::float8) * 13 - 22 + 0.5)::int) ELSE 0 END)
    + least(15, (greatest(1, p_activity_count) - 1) * 5)))
$$;

-- The states of both lists, first-seen order, no repeats, no nulls.
CREATE OR REPLACE FUNCTION merge_lead_states(p_current text[], p_more text[])
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(s ORDER BY first_seen), '{}')
  FROM (SELECT s, min(i) AS first_seen
        FROM unnest(coalesce(p_current, '{}') || coalesce(p_more, '{}')) WITH ORDINALITY AS t(s, i)
        WHERE s IS NOT NULL GROUP BY s) AS merged
$$;

-- lead_data as events join (README, "Lead ingestion"): the events' data merged at the top level,
-- latest wins per key, plus `history`, the newest p_limit entries {type, occurred_at, webhook_id, data}.
CREATE OR REPLACE FUNCTION merge_lead_data(p_current jsonb, p_data jsonb, p_entry jsonb, p_limit int)
RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH h AS (
    SELECT CASE WHEN jsonb_typeof(p_current -> 'history') = 'array' THEN p_current -> 'history' ELSE '[]'::jsonb END
           || jsonb_build_array(p_entry) AS list
  )
  SELECT (coalesce(p_current, '{}'::jsonb) - 'history') || coalesce(p_data, '{}'::jsonb)
         || jsonb_build_object('history', (
              SELECT coalesce(jsonb_agg(e ORDER BY i), '[]'::jsonb)
              FROM h, jsonb_array_elements(h.list) WITH ORDINALITY AS t(e, i)
              WHERE i > jsonb_array_length(h.list) - p_limit))
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

  SELECT c.id, c.state INTO company_id, company_state
  FROM companies c
  WHERE c.external_id = v_ext
     OR ((v_ext IS NULL OR c.external_id IS NULL) AND (c.usdot = v_usdot OR c.email_norm = v_email_norm))
  ORDER BY (c.external_id = v_ext) IS TRUE DESC, (c.usdot = v_usdot) IS TRUE DESC, c.id
  LIMIT 1;

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

  v_value := greatest(coalesce(p_value, (SELECT round(avg(conversion_value), 2) FROM sales_conversions), 1200), coalesce(p_stated_value, 0));
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
