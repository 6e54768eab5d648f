-- AlterTable
ALTER TABLE "sequence_steps" ADD COLUMN     "text_template_id" INTEGER;

-- CreateIndex
-- The analytics page's sequences card (getSequenceTotals with a range): the enrolments begun in the
-- range, with rep_id for a rep's own figures or the manager's rep filter.
CREATE INDEX "sequence_enrolments_created_at_rep_id_idx" ON "sequence_enrolments"("created_at", "rep_id");

-- AddForeignKey
-- RESTRICT: text templates are archived, never deleted; a step keeps pointing at its template.
ALTER TABLE "sequence_steps" ADD CONSTRAINT "sequence_steps_text_template_id_fkey" FOREIGN KEY ("text_template_id") REFERENCES "text_templates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An inbound text from a number we never texted (lib/sms/find-lead-for-inbound-text.ts) looks for
-- the contacts with that number. contacts.phone is kept as people wrote it and PostgreSQL has no
-- phone rules of its own, so the index holds the number's last ten digits (a US number's national
-- number however it was punctuated, "+1" or not); the code confirms each candidate with toE164()
-- (lib/kernel/phone.ts), the one reading of a phone number. The query spells the expression exactly
-- so (CONTACT_PHONE_TAIL_SQL). Prisma's schema cannot express an index on an expression, and its
-- migration check leaves such indexes alone (as companies_name_key_idx).
CREATE INDEX "contacts_phone_tail_idx" ON "contacts" (right(regexp_replace("phone", '[^0-9]', '', 'g'), 10)) WHERE "phone" IS NOT NULL;
