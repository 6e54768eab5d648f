-- CreateIndex
CREATE INDEX "sales_actions_latest_follow_up_idx" ON "sales_actions"("follow_up_date", "lead_id", "admin_id", "created_at") WHERE (next_touch_at IS NULL);
