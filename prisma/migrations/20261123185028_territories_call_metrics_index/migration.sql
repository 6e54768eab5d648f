-- CreateIndex
CREATE INDEX "sales_actions_admin_id_follow_up_date_lead_id_created_at_idx" ON "sales_actions"("admin_id", "follow_up_date", "lead_id", "created_at");
