-- Correction to `analytics_rollups`: made partial on voided_at IS NULL, the (lead_id, created_at, …)
-- index no longer served the per-lead reads that include undone actions — the lead history
-- (get-lead-timeline: every action, undone ones shown struck through) and the next-touch triggers'
-- lookups and updates — which fell back to scanning sales_actions (seconds at 1 M actions).
-- With voided_at as its last column instead, one index serves both: those reads, and index-only
-- the analytics probes of a lead's actions not undone (get-conversion-funnel, get-territory-comparison,
-- get-time-to-conversion, get-speed-to-lead), which test voided_at from the index without the heap.
DROP INDEX "sales_actions_lead_id_created_at_follow_up_date_admin_id_ou_idx";
CREATE INDEX "sales_actions_lead_id_created_at_follow_up_date_admin_id_ou_idx" ON "sales_actions"("lead_id", "created_at", "follow_up_date", "admin_id", "outcome", "voided_at");
