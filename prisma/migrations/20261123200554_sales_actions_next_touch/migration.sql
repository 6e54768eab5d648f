-- A sales action's next touch: the created_at of the lead's next action. Kept at write time so the
-- follow-up-effectiveness figure reads "was this follow-up kept?" from one index instead of a
-- window over every action of every lead due in the range.

-- DropIndex (each is the leading part of a wider index: (created_at, …) and (lead_id, created_at, …))
DROP INDEX "sales_actions_created_at_idx";
DROP INDEX "sales_actions_lead_id_created_at_idx";
DROP INDEX "sales_actions_follow_up_date_lead_id_admin_id_idx";

-- AlterTable
ALTER TABLE "sales_actions" ADD COLUMN     "next_touch_at" TIMESTAMPTZ(3);

-- Backfill existing rows in one pass.
UPDATE "sales_actions" a
SET next_touch_at = n.next_at
FROM (
  SELECT id, lead(created_at) OVER (PARTITION BY lead_id ORDER BY created_at, id) AS next_at
  FROM "sales_actions"
) n
WHERE n.id = a.id AND n.next_at IS NOT NULL;

-- CreateIndex
CREATE INDEX "sales_actions_follow_up_date_lead_id_admin_id_created_at_ne_idx" ON "sales_actions"("follow_up_date", "lead_id", "admin_id", "created_at", "next_touch_at");

-- Every writer (sales actions, emails, seeds) inserts rows; a trigger keeps the link for all of
-- them, whatever order rows arrive in.
CREATE FUNCTION sales_actions_next_touch_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row inserted behind later ones (a back-dated entry) already has a next touch.
  SELECT min(n.created_at) INTO NEW.next_touch_at
  FROM sales_actions n
  WHERE n.lead_id = NEW.lead_id AND n.created_at > NEW.created_at;
  RETURN NEW;
END $$;

CREATE FUNCTION sales_actions_next_touch_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The new action is the next touch of every earlier action whose next touch was later or unknown.
  UPDATE sales_actions p
  SET next_touch_at = NEW.created_at
  WHERE p.lead_id = NEW.lead_id AND p.id <> NEW.id AND p.created_at < NEW.created_at
    AND (p.next_touch_at IS NULL OR p.next_touch_at > NEW.created_at);
  RETURN NULL;
END $$;

CREATE TRIGGER sales_actions_next_touch_before BEFORE INSERT ON sales_actions
  FOR EACH ROW EXECUTE FUNCTION sales_actions_next_touch_before();
CREATE TRIGGER sales_actions_next_touch_after AFTER INSERT ON sales_actions
  FOR EACH ROW EXECUTE FUNCTION sales_actions_next_touch_after();
