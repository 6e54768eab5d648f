-- Issue #19, the lists at 1 000 000 leads (npm run bench -- lists --huge).

-- The leads table's four sort indexes (lib/leads/list-leads.ts leadPageSql, offset and keyset
-- pages, and countLeads' bounded count) gain the columns of the call-status filter
-- (last_call_outcome) and the haul filter (needs_police, superload): with 1 000 000 leads a
-- "callback, by last contact" page read ~160 000 heap rows (the NULL last contacts come first
-- descending) and "police or superload" thousands; now both filter inside the index-only scan.
-- DropIndex
DROP INDEX "sales_leads_list_created_idx";

-- DropIndex
DROP INDEX "sales_leads_list_follow_up_idx";

-- DropIndex
DROP INDEX "sales_leads_list_last_contact_idx";

-- DropIndex
DROP INDEX "sales_leads_list_value_idx";

-- CreateIndex
CREATE INDEX "sales_leads_list_created_idx" ON "sales_leads"("created_at", "id", "status", "lead_source", "assigned_admin_id", "estimated_value", "states", "last_call_outcome", "needs_police", "superload");

-- CreateIndex
CREATE INDEX "sales_leads_list_value_idx" ON "sales_leads"("estimated_value", "id", "status", "lead_source", "assigned_admin_id", "created_at", "states", "last_call_outcome", "needs_police", "superload");

-- CreateIndex
CREATE INDEX "sales_leads_list_follow_up_idx" ON "sales_leads"("next_follow_up_at", "id", "status", "lead_source", "assigned_admin_id", "estimated_value", "created_at", "states", "last_call_outcome", "needs_police", "superload");

-- CreateIndex
CREATE INDEX "sales_leads_list_last_contact_idx" ON "sales_leads"("last_contact_at", "id", "status", "lead_source", "assigned_admin_id", "estimated_value", "created_at", "states", "last_call_outcome", "needs_police", "superload");

-- Serves the call list (lib/calls/call-list-query.ts, the `candidates` CTE):
--   WHERE assigned_admin_id = $rep AND status IN ('assigned', 'in_progress') [AND last_call_outcome = $o]
-- reading next_follow_up_at, last_contact_at, last_call_outcome, assigned_at, created_at and id
-- from the index alone: a rep with 50 000 open leads read ~40 000 heap pages through
-- sales_leads_assigned_admin_id_status_idx; this is an index-only scan of their entries.
-- CreateIndex
CREATE INDEX "sales_leads_call_list_idx" ON "sales_leads"("assigned_admin_id", "next_follow_up_at", "last_contact_at", "last_call_outcome", "assigned_at", "created_at", "id") WHERE (status = ANY (ARRAY['assigned'::lead_status, 'in_progress'::lead_status]));

-- Serves the lead pool (lib/calls/get-lead-pool.ts, the `pool` CTE):
--   WHERE status = 'pending' [AND states && $mine] [AND states @> ARRAY[$state]]
--   ORDER BY in_territory DESC, created_at DESC, id DESC, with count(*) over the pool
-- as an index-only scan over the pending leads only (the size of the pool, not of the table).
-- CreateIndex
CREATE INDEX "sales_leads_pool_idx" ON "sales_leads"("created_at", "id", "states") WHERE (status = 'pending'::lead_status);
