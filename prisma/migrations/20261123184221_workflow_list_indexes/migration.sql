-- Lead workflow: covering indexes for the leads table's sorts and filters (index-only page picks),
-- a rep's follow-ups, and a rep's conversion count and revenue from the index alone.
-- The new wide indexes start with the columns of the two dropped ones, so they serve their queries too.
-- DropIndex
DROP INDEX "sales_conversions_admin_id_created_at_idx";

-- DropIndex
DROP INDEX "sales_leads_created_at_idx";

-- DropIndex
DROP INDEX "sales_leads_next_follow_up_at_idx";

-- CreateIndex
CREATE INDEX "sales_conversions_admin_id_created_at_conversion_value_idx" ON "sales_conversions"("admin_id", "created_at", "conversion_value");

-- CreateIndex
CREATE INDEX "sales_leads_list_created_idx" ON "sales_leads"("created_at", "id", "status", "lead_source", "assigned_admin_id", "estimated_value", "states");

-- CreateIndex
CREATE INDEX "sales_leads_list_value_idx" ON "sales_leads"("estimated_value", "id", "status", "lead_source", "assigned_admin_id", "created_at", "states");

-- CreateIndex
CREATE INDEX "sales_leads_list_follow_up_idx" ON "sales_leads"("next_follow_up_at", "id", "status", "lead_source", "assigned_admin_id", "estimated_value", "created_at", "states");

-- CreateIndex
CREATE INDEX "sales_leads_list_last_contact_idx" ON "sales_leads"("last_contact_at", "id", "status", "lead_source", "assigned_admin_id", "estimated_value", "created_at", "states");

-- CreateIndex
CREATE INDEX "sales_leads_assigned_admin_id_next_follow_up_at_status_idx" ON "sales_leads"("assigned_admin_id", "next_follow_up_at", "status");
