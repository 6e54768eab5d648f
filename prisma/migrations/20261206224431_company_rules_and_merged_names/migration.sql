-- DropIndex
DROP INDEX "companies_phone_norm_idx";

-- AlterTable
ALTER TABLE "companies" ADD COLUMN     "merged_names" TEXT;

-- CreateIndex
-- The duplicates list's phone groups, a company page's "possible duplicate of" (both by phone_norm
-- alone, the leading column), and the CSV import's same-phone suggestion: the lowest live id per
-- phone (lib/import/classify-import-rows.ts), read in index order instead of sorting every
-- company that shares a dispatch line.
CREATE INDEX "companies_phone_norm_id_idx" ON "companies"("phone_norm", "id");

-- CreateIndex
-- The leads list search (lib/leads/lead-list-filter.ts, searchCompanies): the names merged into a
-- company are one more arm of the BitmapOr over the trigram indexes on name, email and phone.
CREATE INDEX "companies_merged_names_trgm_idx" ON "companies" USING GIN ("merged_names" gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line.
-- ---------------------------------------------------------------------------------------------

-- The names the survivors of past merges were also known by: the tombstones' names and the
-- survivors' own former names (company_merges.before), each once, never the current name. A
-- survivor merged away later hands its names on to its own survivor (chains are one hop).
UPDATE companies s SET merged_names = n.names
FROM (
  SELECT coalesce(c.merged_into_id, c.id) AS id, string_agg(DISTINCT a.name, E'\n' ORDER BY a.name) AS names
  FROM (
    SELECT m.id, m.name FROM companies m WHERE m.merged_into_id IS NOT NULL
    UNION
    SELECT cm.survivor_id, cm.before -> 'survivor' ->> 'name' FROM company_merges cm
  ) a
  JOIN companies c ON c.id = a.id
  GROUP BY 1
) n
WHERE s.id = n.id;
UPDATE companies s SET merged_names = (
  SELECT string_agg(n.name, E'\n' ORDER BY n.name) FROM unnest(string_to_array(s.merged_names, E'\n')) AS n(name)
  WHERE n.name <> s.name)
WHERE s.merged_names IS NOT NULL;

-- The identity rules (migration company_merge, unchanged: external id, USDOT, MC number, email,
-- strongest first; USDOT, MC and email only matching a company without another external id;
-- ties by id), now also saying which rule found the row: 'external_id', 'usdot', 'mc' or 'email'
-- (IDENTITY_RULES in lib/companies/duplicate-rules.ts). The CSV import applies the manager's
-- decision for that rule. The one home of the rules: company_identity_row() and
-- company_identity_match() read them from here.
CREATE FUNCTION company_identity_rule_row(p_external_id text, p_usdot text, p_email_norm text, p_mc_norm text,
                                          OUT row_id int, OUT rule text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_ext text := nullif(btrim(p_external_id), '');
  v_usdot text := nullif(btrim(p_usdot), '');
  v_email_norm text := nullif(lower(btrim(p_email_norm)), '');
  v_mc_norm text := company_mc_norm(p_mc_norm);
BEGIN
  IF v_ext IS NOT NULL THEN
    SELECT c.id INTO row_id FROM companies c WHERE c.external_id = v_ext;
    IF row_id IS NOT NULL THEN rule := 'external_id'; RETURN; END IF;
  END IF;
  IF v_usdot IS NOT NULL THEN
    SELECT c.id INTO row_id FROM companies c
    WHERE c.usdot = v_usdot AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
    IF row_id IS NOT NULL THEN rule := 'usdot'; RETURN; END IF;
  END IF;
  IF v_mc_norm IS NOT NULL THEN
    SELECT c.id INTO row_id FROM companies c
    WHERE c.mc_norm = v_mc_norm AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
    IF row_id IS NOT NULL THEN rule := 'mc'; RETURN; END IF;
  END IF;
  IF v_email_norm IS NOT NULL THEN
    SELECT c.id INTO row_id FROM companies c
    WHERE c.email_norm = v_email_norm AND (v_ext IS NULL OR c.external_id IS NULL) ORDER BY c.id LIMIT 1;
    IF row_id IS NOT NULL THEN rule := 'email'; RETURN; END IF;
  END IF;
END
$$;

-- Same signature and answer as before (ingest_upsert_company() calls it), now from the one home.
CREATE OR REPLACE FUNCTION company_identity_row(p_external_id text, p_usdot text, p_email_norm text, p_mc_norm text)
RETURNS int LANGUAGE sql STABLE AS $$
  SELECT row_id FROM company_identity_rule_row(p_external_id, p_usdot, p_email_norm, p_mc_norm)
$$;

-- The live company the identifiers belong to (a tombstone resolved to its survivor) and the rule
-- that found it; both NULL when none does.
CREATE FUNCTION company_identity_match_rule(p_external_id text, p_usdot text, p_email_norm text, p_mc_number text DEFAULT NULL,
                                            OUT id int, OUT rule text)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(c.merged_into_id, c.id), f.rule
  FROM company_identity_rule_row(p_external_id, p_usdot, p_email_norm, p_mc_number) f
  JOIN companies c ON c.id = f.row_id
$$;

CREATE OR REPLACE FUNCTION company_identity_match(p_external_id text, p_usdot text, p_email_norm text, p_mc_number text DEFAULT NULL)
RETURNS int LANGUAGE sql STABLE AS $$
  SELECT id FROM company_identity_match_rule(p_external_id, p_usdot, p_email_norm, p_mc_number)
$$;
