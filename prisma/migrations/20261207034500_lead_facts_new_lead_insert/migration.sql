-- Issue #19: the signed lead webhook at a million leads. Every lead the webhook creates fired
-- lead_facts_refresh() for it (lead_facts_insert on sales_leads, migration lead_facts): a row lock
-- probe, the lead read back, four lateral probes (first claim, first action, first sent email,
-- conversion) and an upsert with its change test. For a lead inserted by this very statement those
-- probes find nothing: every row they look for references the lead (foreign keys), so it is
-- written after it, and its own table's lead_facts trigger refreshes the facts then. Measured
-- with auto_explain (npm run bench -- ingest-sql --explain, demo database): the refresh read ~85
-- shared buffers per new lead against ~34 for the lead's own INSERT; on a large sales_actions the
-- first-action probe is an index descent into a 10 M-row index per new lead as well.
--
-- So a new lead's facts are written straight from the inserted rows (no claim, touch, action or
-- conversion yet). ON CONFLICT DO NOTHING keeps a row a child table's trigger may already have
-- refreshed in the same statement (a data-modifying CTE that inserts a lead and its first action:
-- whichever trigger fires first, the facts end complete). Updates of sales_leads keep the full
-- refresh (lead_facts_after_write), as do the other tables.
CREATE FUNCTION lead_facts_after_lead_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_facts (lead_id, created_at, lead_source, states, needs_police, superload)
  SELECT r.id, r.created_at, r.lead_source, r.states, r.needs_police, r.superload FROM new_rows r
  ON CONFLICT (lead_id) DO NOTHING;
  RETURN NULL;
END $$;

DROP TRIGGER lead_facts_insert ON sales_leads;
CREATE TRIGGER lead_facts_insert AFTER INSERT ON sales_leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_facts_after_lead_insert();
