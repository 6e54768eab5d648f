-- CreateIndex
CREATE INDEX "lead_events_first_claim_idx" ON "lead_events"("lead_id", "created_at") WHERE (type = ANY (ARRAY['claimed'::text, 'assigned'::text]));
