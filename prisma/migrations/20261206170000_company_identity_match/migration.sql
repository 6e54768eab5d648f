-- The identity rules of a company, as one function (issue 17). The lead webhook's
-- ingest_upsert_company() held them inline; the CSV import classifies its rows by the same rules
-- (lib/import/classify-import-rows.ts), so both now call this function and the rules live once.
-- Precedence unchanged: external_id, else USDOT, else normalized email; USDOT and email only
-- match a company not claimed under another external_id; ties by id. Each key is its own
-- equality lookup on its own index (see 20261202070000_ingest_indexed_lookups for why not an OR).
CREATE FUNCTION company_identity_match(p_external_id text, p_usdot text, p_email_norm text)
RETURNS int LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_ext text := nullif(btrim(p_external_id), '');
  v_usdot text := nullif(btrim(p_usdot), '');
  v_email_norm text := nullif(lower(btrim(p_email_norm)), '');
  v_id int;
BEGIN
  IF v_ext IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c WHERE c.external_id = v_ext;
  END IF;
  IF v_id IS NULL AND v_usdot IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c
    WHERE c.usdot = v_usdot AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;
  IF v_id IS NULL AND v_email_norm IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c
    WHERE c.email_norm = v_email_norm AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;
  RETURN v_id;
END
$$;

-- As in 20261202070000_ingest_indexed_lookups, with the lookup now company_identity_match().
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
  v_match int;
BEGIN
  PERFORM pg_advisory_xact_lock(k)
  FROM (SELECT DISTINCT hashtextextended(key, 0) AS k
        FROM unnest(ARRAY['company:external_id:' || v_ext, 'company:usdot:' || v_usdot, 'company:email:' || v_email_norm]) AS key
        WHERE key IS NOT NULL ORDER BY 1) AS sorted_keys;

  v_match := company_identity_match(v_ext, v_usdot, v_email_norm);
  IF v_match IS NOT NULL THEN
    SELECT c.id, c.state INTO company_id, company_state FROM companies c WHERE c.id = v_match;
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
