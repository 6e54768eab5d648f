-- CreateEnum
CREATE TYPE "TextDirection" AS ENUM ('outbound', 'inbound');

-- CreateEnum
CREATE TYPE "TextStatus" AS ENUM ('queued', 'sent', 'delivered', 'undelivered', 'failed', 'simulated', 'received');

-- CreateTable
CREATE TABLE "text_messages" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER,
    "direction" "TextDirection" NOT NULL,
    "sender_id" INTEGER,
    "template_id" INTEGER,
    "template_version" INTEGER,
    "to_phone" TEXT NOT NULL,
    "from_phone" TEXT,
    "body" TEXT NOT NULL,
    "status" "TextStatus" NOT NULL,
    "twilio_sid" TEXT,
    "idempotency_key" TEXT,
    "error" TEXT,
    "error_code" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "send_after" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "text_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "text_opt_outs" (
    "phone" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "text_opt_outs_pkey" PRIMARY KEY ("phone")
);

-- CreateTable
CREATE TABLE "text_templates" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "updated_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "text_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- Status callbacks find their message by Twilio's SID; a redelivered inbound text is stored once.
CREATE UNIQUE INDEX "text_messages_twilio_sid_key" ON "text_messages"("twilio_sid");

-- CreateIndex
-- sendLeadText finds the text an earlier call with the same key made (and two at once insert one).
CREATE UNIQUE INDEX "text_messages_idempotency_key_key" ON "text_messages"("idempotency_key");

-- CreateIndex
-- The lead page's texts and the lead timeline (WHERE lead_id = … ORDER BY created_at).
CREATE INDEX "text_messages_lead_id_created_at_idx" ON "text_messages"("lead_id", "created_at");

-- CreateIndex
-- An inbound text finds the lead last texted at that number (WHERE to_phone = … ORDER BY created_at DESC).
CREATE INDEX "text_messages_to_phone_created_at_idx" ON "text_messages"("to_phone", "created_at");

-- AddForeignKey
ALTER TABLE "text_messages" ADD CONSTRAINT "text_messages_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "text_messages" ADD CONSTRAINT "text_messages_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "text_messages" ADD CONSTRAINT "text_messages_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "text_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "text_templates" ADD CONSTRAINT "text_templates_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
