-- Timed follow-ups (a flag beside the timestamp: false = "any time that day"), the reminder
-- marker, the calendar feed token, the morning digest opt-in and its once-per-day record, and the
-- index of open follow-ups (overdue list, calendar feeds). Additive only.
-- AlterTable
ALTER TABLE "sales_actions" ADD COLUMN     "follow_up_has_time" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "sales_leads" ADD COLUMN     "follow_up_reminded_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_follow_up_has_time" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "calendar_token_hash" TEXT,
ADD COLUMN     "follow_up_digest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "follow_up_digests" (
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "email_message_id" INTEGER,
    "follow_ups" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_digests_pkey" PRIMARY KEY ("user_id","day")
);

-- CreateIndex
CREATE INDEX "sales_leads_open_follow_up_idx" ON "sales_leads"("next_follow_up_at", "assigned_admin_id", "next_follow_up_has_time") WHERE (status IN ('assigned', 'in_progress') AND next_follow_up_at IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "users_calendar_token_hash_key" ON "users"("calendar_token_hash");

-- AddForeignKey
ALTER TABLE "follow_up_digests" ADD CONSTRAINT "follow_up_digests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
