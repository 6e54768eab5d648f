-- CreateIndex
CREATE INDEX "sales_actions_follow_up_date_lead_id_admin_id_idx" ON "sales_actions"("follow_up_date", "lead_id", "admin_id");

-- CreateIndex
CREATE INDEX "sales_actions_lead_id_created_at_follow_up_date_admin_id_ou_idx" ON "sales_actions"("lead_id", "created_at", "follow_up_date", "admin_id", "outcome");

-- CreateIndex
CREATE INDEX "sales_actions_created_at_action_type_admin_id_outcome_lead__idx" ON "sales_actions"("created_at", "action_type", "admin_id", "outcome", "lead_id");
