-- Issue #21 gaps: an open request is closed by the system (state `cancelled`, `cancel_reason`) when
-- its lead is released, reassigned, returned, handed off another way, converted, lost or reopened
-- (lib/leads/end-lead-holding.ts); a sales action logged by a cover rep names the away rep it was
-- logged for (`covering_for_id`). No new index: both are read with rows already found by theirs
-- (the lead's requests by lead_requests_lead_id_created_at_idx, the history's actions by lead),
-- and the users join is by primary key.

-- AlterEnum
ALTER TYPE "lead_request_state" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "lead_requests" ADD COLUMN     "cancel_reason" TEXT;

-- AlterTable
ALTER TABLE "sales_actions" ADD COLUMN     "covering_for_id" INTEGER;

-- AddForeignKey
ALTER TABLE "sales_actions" ADD CONSTRAINT "sales_actions_covering_for_id_fkey" FOREIGN KEY ("covering_for_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
