-- Issue #19, the call list and the leads list at 1 000 000 leads (npm run bench -- lists --huge).
-- The call list no longer ranks every open lead of the rep (49 000 for the busiest) per request:
-- lib/calls/call-list-query.ts reads each of its six buckets as a range of one of these partial
-- indexes, in the bucket's own order, at most a page from each, and counts each bucket bounded
-- at 1 001. All are index-only for the columns the buckets test.

-- Serves buckets 1 overdue and 2 due today (and the covered reps' arm):
--   WHERE assigned_admin_id = $rep AND status IN ('assigned', 'in_progress')
--     AND next_follow_up_at < $dayStart | next_follow_up_at >= $dayStart AND next_follow_up_at < $dayEnd
--   ORDER BY next_follow_up_at, id   (last_contact_at for the hold-back, last_call_outcome for the filter)
-- CreateIndex
CREATE INDEX "sales_leads_call_follow_up_idx" ON "sales_leads"("assigned_admin_id", "next_follow_up_at", "id", "last_contact_at", "last_call_outcome") WHERE (status = ANY (ARRAY['assigned'::lead_status, 'in_progress'::lead_status])) AND (next_follow_up_at IS NOT NULL);

-- Serves bucket 3 new (never contacted), newest claim first:
--   WHERE assigned_admin_id = $rep AND status IN (…) AND last_contact_at IS NULL
--     AND (next_follow_up_at IS NULL OR next_follow_up_at >= $dayEnd)
--   ORDER BY coalesce(assigned_at, created_at) DESC, id
-- An expression index: not in prisma/schema.prisma (it cannot state one), like companies_name_key_idx.
CREATE INDEX "sales_leads_call_new_idx" ON "sales_leads"("assigned_admin_id", (coalesce("assigned_at", "created_at")) DESC, "id", "next_follow_up_at", "last_call_outcome") WHERE (status = ANY (ARRAY['assigned'::lead_status, 'in_progress'::lead_status])) AND (last_contact_at IS NULL);

-- Serves buckets 4 interested and 5 callback (no follow-up booked, the longest wait first), and
-- the held-back count of those two:
--   WHERE assigned_admin_id = $rep AND status IN (…) AND next_follow_up_at IS NULL
--     AND last_call_outcome = 'interested' | 'callback' AND last_contact_at <= $hourAgo
--   ORDER BY last_contact_at, id
-- CreateIndex
CREATE INDEX "sales_leads_call_outcome_idx" ON "sales_leads"("assigned_admin_id", "last_call_outcome", "last_contact_at", "id") WHERE (status = ANY (ARRAY['assigned'::lead_status, 'in_progress'::lead_status])) AND (next_follow_up_at IS NULL) AND (last_contact_at IS NOT NULL);

-- Serves bucket 6 stale (no contact for staleDays, no follow-up booked), the longest wait first:
--   WHERE assigned_admin_id = $rep AND status IN (…) AND next_follow_up_at IS NULL
--     AND last_contact_at < $staleBefore AND last_call_outcome NOT IN ('interested', 'callback')
--   ORDER BY last_contact_at, id
-- CreateIndex
CREATE INDEX "sales_leads_call_stale_idx" ON "sales_leads"("assigned_admin_id", "last_contact_at", "id", "last_call_outcome") WHERE (status = ANY (ARRAY['assigned'::lead_status, 'in_progress'::lead_status])) AND (next_follow_up_at IS NULL) AND (last_contact_at IS NOT NULL);

-- Serves the leads list's haul filter (lib/haul/haul-filter-sql.ts via lib/leads/lead-list-filter.ts):
--   WHERE needs_police | superload | (needs_police OR superload) ORDER BY created_at DESC, id DESC
-- and its bounded count: the flagged leads are few, and the sort index walked past every other
-- lead to find a page of them (16× the demo at 1 000 000 leads).
-- CreateIndex
CREATE INDEX "sales_leads_haul_list_idx" ON "sales_leads"("created_at", "id", "needs_police", "superload") WHERE (needs_police OR superload);

-- The call list's former index (every open lead of a rep with every column it ranked by): no
-- query reads it now. A rep's open leads by status are sales_leads_assigned_admin_id_status_idx's,
-- their follow-ups sales_leads_assigned_admin_id_next_follow_up_at_status_idx's.
-- DropIndex
DROP INDEX "sales_leads_call_list_idx";
