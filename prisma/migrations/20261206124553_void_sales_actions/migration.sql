-- DropIndex
DROP INDEX "sales_actions_admin_id_follow_up_date_lead_id_created_at_idx";

-- DropIndex
DROP INDEX "sales_actions_created_at_action_type_admin_id_outcome_lead__idx";

-- DropIndex
DROP INDEX "sales_actions_follow_up_date_lead_id_admin_id_created_at_ne_idx";

-- DropIndex
DROP INDEX "sales_actions_latest_follow_up_idx";

-- AlterTable
ALTER TABLE "sales_actions" ADD COLUMN     "voided_at" TIMESTAMPTZ(3),
ADD COLUMN     "voided_by_id" INTEGER;

-- CreateIndex
CREATE INDEX "sales_actions_follow_up_date_lead_id_admin_id_created_at_ne_idx" ON "sales_actions"("follow_up_date", "lead_id", "admin_id", "created_at", "next_touch_at") WHERE (voided_at IS NULL);

-- CreateIndex
CREATE INDEX "sales_actions_latest_follow_up_idx" ON "sales_actions"("follow_up_date", "lead_id", "admin_id", "created_at") WHERE (next_touch_at IS NULL AND voided_at IS NULL);

-- CreateIndex
CREATE INDEX "sales_actions_created_at_action_type_admin_id_outcome_lead__idx" ON "sales_actions"("created_at", "action_type", "admin_id", "outcome", "lead_id") WHERE (voided_at IS NULL);

-- CreateIndex
CREATE INDEX "sales_actions_admin_id_follow_up_date_lead_id_created_at_idx" ON "sales_actions"("admin_id", "follow_up_date", "lead_id", "created_at") WHERE (voided_at IS NULL);

-- AddForeignKey
ALTER TABLE "sales_actions" ADD CONSTRAINT "sales_actions_voided_by_id_fkey" FOREIGN KEY ("voided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A voided action never happened as far as "was the follow-up kept?" is concerned: it is no
-- one's next touch. (Undoing one recomputes its predecessors' next touch in the same transaction.)
CREATE OR REPLACE FUNCTION sales_actions_next_touch_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row inserted behind later ones (a back-dated entry) already has a next touch.
  SELECT min(n.created_at) INTO NEW.next_touch_at
  FROM sales_actions n
  WHERE n.lead_id = NEW.lead_id AND n.created_at > NEW.created_at AND n.voided_at IS NULL;
  RETURN NEW;
END $$;
