-- AlterTable
ALTER TABLE "companies" ADD COLUMN     "mc_norm" TEXT,
ADD COLUMN     "merged_at" TIMESTAMPTZ(3),
ADD COLUMN     "merged_into_id" INTEGER,
ADD COLUMN     "phone_norm" TEXT;

-- CreateTable
CREATE TABLE "company_merges" (
    "id" SERIAL NOT NULL,
    "survivor_id" INTEGER NOT NULL,
    "merged_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "choices" JSONB NOT NULL,
    "before" JSONB NOT NULL,
    "moved" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_merges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "company_merge_requests" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "duplicate_of_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "resolved_by_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_merge_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- One merge per company: the tombstone is never merged again (and the merge page's lookup by loser).
CREATE UNIQUE INDEX "company_merges_merged_id_key" ON "company_merges"("merged_id");

-- CreateIndex
-- A company page's merge history (the merges a survivor took in, newest first).
CREATE INDEX "company_merges_survivor_id_created_at_idx" ON "company_merges"("survivor_id", "created_at");

-- CreateIndex
-- The duplicates page's pending merge requests, oldest first.
CREATE INDEX "company_merge_requests_status_created_at_idx" ON "company_merge_requests"("status", "created_at");

-- CreateIndex
-- A company page's merge requests naming it as the other company.
CREATE INDEX "company_merge_requests_duplicate_of_id_idx" ON "company_merge_requests"("duplicate_of_id");

-- CreateIndex
-- One request per pair (asking again re-opens it); also a company page's own requests by company_id.
CREATE UNIQUE INDEX "company_merge_requests_company_id_duplicate_of_id_key" ON "company_merge_requests"("company_id", "duplicate_of_id");

-- CreateIndex
-- company_identity_match()'s MC rule (an equality lookup, like USDOT and email) and the duplicates list.
CREATE INDEX "companies_mc_norm_idx" ON "companies"("mc_norm");

-- CreateIndex
-- The duplicates list's phone groups and a company page's "possible duplicate of" lookup by phone.
CREATE INDEX "companies_phone_norm_idx" ON "companies"("phone_norm");

-- CreateIndex
-- A merge repoints companies already merged into the loser (chains stay one hop) and locks their keys.
CREATE INDEX "companies_merged_into_id_idx" ON "companies"("merged_into_id");

-- AddForeignKey
ALTER TABLE "companies" ADD CONSTRAINT "companies_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "companies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merges" ADD CONSTRAINT "company_merges_survivor_id_fkey" FOREIGN KEY ("survivor_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merges" ADD CONSTRAINT "company_merges_merged_id_fkey" FOREIGN KEY ("merged_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merges" ADD CONSTRAINT "company_merges_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merge_requests" ADD CONSTRAINT "company_merge_requests_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merge_requests" ADD CONSTRAINT "company_merge_requests_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merge_requests" ADD CONSTRAINT "company_merge_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_merge_requests" ADD CONSTRAINT "company_merge_requests_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Company identity, revised for issue 17 (hand-written below this line).
--
-- Rules, strongest first: external_id, USDOT, MC number, email — each an equality lookup on its
-- own index; USDOT, MC and email only match a company not claimed under another external_id;
-- ties by id. Normalised phone and name + state are NOT identity: they only suggest duplicates
-- (lib/companies/list-possible-duplicates.ts), because carriers share dispatch and factoring
-- phone lines and names, and folding two carriers' events into one lead cannot be undone cleanly.
-- A match on a merged company (a tombstone, merged_into_id set) resolves to its survivor.
-- ---------------------------------------------------------------------------------------------

-- An MC docket as digits ("MC-098877", "mc 98877" → "98877"). MX and FF dockets are other
-- registers with their own numbering, so they keep their prefix ("FF-123" → "FF123"). Anything
-- else (letters inside, no digits) is not an MC number: NULL, never a match.
CREATE FUNCTION company_mc_norm(p_mc text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v text := upper(regexp_replace(coalesce(p_mc, ''), '[\s.#-]', '', 'g'));
  v_prefix text := substring(v from '^(MC|MX|FF)');
  v_digits text := regexp_replace(v, '^(MC|MX|FF)', '');
BEGIN
  IF v_digits !~ '^[0-9]+$' THEN RETURN NULL; END IF;
  v_digits := nullif(ltrim(v_digits, '0'), '');
  RETURN CASE WHEN v_prefix IN ('MX', 'FF') THEN v_prefix || v_digits ELSE v_digits END;
END
$$;

-- mc_norm follows mc_number for every writer (webhook, import, seeds, merge): one owner, here.
CREATE FUNCTION companies_keep_mc_norm() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.mc_norm := company_mc_norm(NEW.mc_number);
  RETURN NEW;
END
$$;
CREATE TRIGGER companies_keep_mc_norm BEFORE INSERT OR UPDATE OF mc_number ON companies
FOR EACH ROW EXECUTE FUNCTION companies_keep_mc_norm();

UPDATE companies SET mc_norm = company_mc_norm(mc_number) WHERE mc_number IS NOT NULL;

-- phone_norm is E.164 from libphonenumber-js (lib/companies/normalize-phone.ts), written by the
-- writers themselves. Existing rows get the unambiguous North American shapes here (10 digits,
-- or 11 starting with 1, area code and exchange not starting with 0 or 1); the rest stay NULL
-- (suggestions only, so a missing one costs a suggestion, never a wrong merge).
UPDATE companies c SET phone_norm = '+1' || right(d.digits, 10)
FROM (SELECT id, regexp_replace(phone, '\D', '', 'g') AS digits FROM companies WHERE phone IS NOT NULL) d
WHERE c.id = d.id
  AND (length(d.digits) = 10 OR (length(d.digits) = 11 AND left(d.digits, 1) = '1'))
  AND right(d.digits, 10) ~ '^[2-9][0-9]{2}[2-9][0-9]{6}$';

-- The company row the identifiers name, tombstone or not (ingest_upsert_company() needs to know
-- which, to treat an event arriving through a tombstone gently).
CREATE FUNCTION company_identity_row(p_external_id text, p_usdot text, p_email_norm text, p_mc_norm text)
RETURNS int LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_ext text := nullif(btrim(p_external_id), '');
  v_usdot text := nullif(btrim(p_usdot), '');
  v_email_norm text := nullif(lower(btrim(p_email_norm)), '');
  v_mc_norm text := company_mc_norm(p_mc_norm);
  v_id int;
BEGIN
  IF v_ext IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c WHERE c.external_id = v_ext;
  END IF;
  IF v_id IS NULL AND v_usdot IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c
    WHERE c.usdot = v_usdot AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;
  IF v_id IS NULL AND v_mc_norm IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c
    WHERE c.mc_norm = v_mc_norm AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;
  IF v_id IS NULL AND v_email_norm IS NOT NULL THEN
    SELECT c.id INTO v_id FROM companies c
    WHERE c.email_norm = v_email_norm AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
  END IF;
  RETURN v_id;
END
$$;

-- The live company the identifiers belong to. The first three parameters are unchanged, so
-- callers written for the old signature (the CSV import) keep working; the MC number is new
-- and optional (raw or normalised: it is normalised here).
DROP FUNCTION company_identity_match(text, text, text);
CREATE FUNCTION company_identity_match(p_external_id text, p_usdot text, p_email_norm text, p_mc_number text DEFAULT NULL)
RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce(c.merged_into_id, c.id) FROM companies c
  WHERE c.id = company_identity_row(p_external_id, p_usdot, p_email_norm, p_mc_number)
$$;

-- The identity keys a writer of one company locks (pg_advisory_xact_lock on each, sorted), shared
-- by ingest_upsert_company() and the merge (lib/companies/merge-companies.ts), so both serialise on
-- the same keys and take them in the same order.
CREATE FUNCTION company_identity_keys(p_external_id text, p_usdot text, p_email_norm text, p_mc_norm text)
RETURNS SETOF bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT hashtextextended(key, 0)
  FROM unnest(ARRAY['company:external_id:' || nullif(btrim(p_external_id), ''),
                    'company:usdot:' || nullif(btrim(p_usdot), ''),
                    'company:email:' || nullif(lower(btrim(p_email_norm)), ''),
                    'company:mc:' || company_mc_norm(p_mc_norm)]) AS key
  WHERE key IS NOT NULL
$$;

-- As in 20261206170000_company_identity_match, plus: the MC rule and its lock key, mc_norm (by
-- trigger) and phone_norm (the caller's libphonenumber E.164, company.phone_e164), and tombstones.
-- An event that reaches a company through a merged company's identifiers lands on the survivor
-- and only fills what the survivor lacks: the manager chose the survivor's values field by field,
-- and the other account's details must not flip them back. Its external_id stays on the tombstone.
CREATE OR REPLACE FUNCTION ingest_upsert_company(p_company jsonb, OUT company_id int, OUT company_state text)
LANGUAGE plpgsql AS $$
DECLARE
  v_ext text := nullif(btrim(p_company ->> 'external_id'), '');
  v_usdot text := nullif(btrim(p_company ->> 'usdot'), '');
  v_email text := nullif(btrim(p_company ->> 'email'), '');
  v_email_norm text := lower(v_email);
  v_phone text := nullif(btrim(p_company ->> 'phone'), '');
  v_phone_norm text := CASE WHEN v_phone IS NOT NULL THEN nullif(btrim(p_company ->> 'phone_e164'), '') END;
  v_mc text := nullif(btrim(p_company ->> 'mc_number'), '');
  v_city text := nullif(btrim(p_company ->> 'city'), '');
  v_state text := upper(nullif(btrim(p_company ->> 'state'), ''));
  v_name text := btrim(p_company ->> 'name');
  v_row int;
  v_via_merge boolean := false;
BEGIN
  PERFORM pg_advisory_xact_lock(k) FROM (SELECT k FROM company_identity_keys(v_ext, v_usdot, v_email_norm, v_mc) AS k ORDER BY 1) AS sorted_keys;

  v_row := company_identity_row(v_ext, v_usdot, v_email_norm, v_mc);
  IF v_row IS NOT NULL THEN
    SELECT coalesce(m.id, c.id), coalesce(m.state, c.state), m.id IS NOT NULL INTO company_id, company_state, v_via_merge
    FROM companies c LEFT JOIN companies m ON m.id = c.merged_into_id WHERE c.id = v_row;
  END IF;

  IF company_id IS NULL THEN
    INSERT INTO companies (external_id, name, email, email_norm, phone, phone_norm, usdot, mc_number, city, state, updated_at)
    VALUES (v_ext, v_name, v_email, v_email_norm, v_phone, v_phone_norm, v_usdot, v_mc, v_city, v_state, now())
    RETURNING id, state INTO company_id, company_state;
    RETURN;
  END IF;

  IF v_via_merge THEN
    UPDATE companies c
    SET email = coalesce(c.email, v_email), email_norm = coalesce(c.email_norm, v_email_norm),
        phone = coalesce(c.phone, v_phone), phone_norm = CASE WHEN c.phone IS NULL THEN v_phone_norm ELSE c.phone_norm END,
        usdot = coalesce(c.usdot, v_usdot), mc_number = coalesce(c.mc_number, v_mc), city = coalesce(c.city, v_city),
        state = coalesce(c.state, v_state), updated_at = now()
    WHERE c.id = company_id
      AND ((c.email IS NULL AND v_email IS NOT NULL) OR (c.phone IS NULL AND v_phone IS NOT NULL) OR (c.usdot IS NULL AND v_usdot IS NOT NULL)
           OR (c.mc_number IS NULL AND v_mc IS NOT NULL) OR (c.city IS NULL AND v_city IS NOT NULL) OR (c.state IS NULL AND v_state IS NOT NULL));
    company_state := coalesce(company_state, v_state);
    RETURN;
  END IF;

  -- The latest event knows the freshest details; a field it leaves out never erases one we have.
  UPDATE companies c
  SET external_id = coalesce(v_ext, c.external_id), name = coalesce(v_name, c.name), email = coalesce(v_email, c.email),
      email_norm = coalesce(v_email_norm, c.email_norm), phone = coalesce(v_phone, c.phone),
      phone_norm = CASE WHEN v_phone IS NOT NULL THEN v_phone_norm ELSE c.phone_norm END, usdot = coalesce(v_usdot, c.usdot),
      mc_number = coalesce(v_mc, c.mc_number), city = coalesce(v_city, c.city), state = coalesce(v_state, c.state), updated_at = now()
  WHERE c.id = company_id
    AND (c.external_id, c.name, c.email, c.phone, c.usdot, c.mc_number, c.city, c.state)
        IS DISTINCT FROM (coalesce(v_ext, c.external_id), coalesce(v_name, c.name), coalesce(v_email, c.email), coalesce(v_phone, c.phone),
                          coalesce(v_usdot, c.usdot), coalesce(v_mc, c.mc_number), coalesce(v_city, c.city), coalesce(v_state, c.state));
  company_state := coalesce(v_state, company_state);
END
$$;

-- Nothing new lands on a tombstone. A lead or contact written for a merged company (a manual lead
-- from a page opened before the merge, an import row, an event that read the company just before
-- the merge committed) goes to the survivor. FOR KEY SHARE waits for a merge holding the company
-- row (FOR UPDATE) to commit and then reads its merged_into_id, so a merge and such a writer can
-- interleave in no order that leaves a row behind; it does not wait for ordinary updates.
CREATE FUNCTION follow_company_merge() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_into int;
BEGIN
  SELECT c.merged_into_id INTO v_into FROM companies c WHERE c.id = NEW.company_id FOR KEY SHARE;
  IF v_into IS NOT NULL THEN NEW.company_id := v_into; END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER sales_leads_follow_company_merge BEFORE INSERT ON sales_leads
FOR EACH ROW EXECUTE FUNCTION follow_company_merge();
CREATE TRIGGER contacts_follow_company_merge BEFORE INSERT ON contacts
FOR EACH ROW EXECUTE FUNCTION follow_company_merge();
