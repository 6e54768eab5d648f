-- Issue #19: a lead's last call outcome comes with its last contact. Logging a call sets both
-- (addSalesAction), voiding one puts both back as they were (voidSalesAction), and nothing else
-- writes the outcome. Held here so the leads list may rely on it: a call-status filter other than
-- "not called" adds `last_contact_at IS NOT NULL` (lib/leads/lead-list-filter.ts), which starts the
-- "last contact" sort's index range after the leads never contacted instead of reading through them
-- (153 599 entries at 1 000 000 leads: the "callback" filter by last contact took 9–18 ms for 25 rows).
-- A trigger, not a CHECK constraint: Prisma's schema engine (which `migrate.mjs check` runs) fails
-- on describing a CHECK. Its WHEN clause is evaluated without calling the function, so a write
-- that keeps the rule costs no function call.
CREATE FUNCTION sales_leads_refuse_outcome_without_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lead %: a call outcome needs a last contact', NEW.id USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER sales_leads_call_outcome_needs_contact
  BEFORE INSERT OR UPDATE OF last_call_outcome, last_contact_at ON sales_leads
  FOR EACH ROW WHEN (NEW.last_call_outcome IS NOT NULL AND NEW.last_contact_at IS NULL)
  EXECUTE FUNCTION sales_leads_refuse_outcome_without_contact();
