-- Trigram search on company name, email and phone (Prisma 7 manages extensions in migrations).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'super_admin');

-- CreateEnum
CREATE TYPE "lead_source" AS ENUM ('load_plan', 'quote', 'location_share', 'order_attempt', 'import', 'manual');

-- CreateEnum
CREATE TYPE "lead_status" AS ENUM ('pending', 'assigned', 'in_progress', 'converted', 'lost');

-- CreateEnum
CREATE TYPE "action_type" AS ENUM ('call', 'email', 'text', 'meeting');

-- CreateEnum
CREATE TYPE "action_outcome" AS ENUM ('answered', 'voicemail', 'no_answer', 'interested', 'not_interested', 'callback');

-- CreateEnum
CREATE TYPE "conversion_type" AS ENUM ('order_placed', 'manual_mark', 'registration');

-- CreateEnum
CREATE TYPE "email_status" AS ENUM ('queued', 'simulated', 'sent', 'failed', 'processed', 'delivered', 'opened', 'clicked', 'bounced', 'dropped', 'deferred', 'spamreport', 'unsubscribed', 'replied');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'admin',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "token_version" INTEGER NOT NULL DEFAULT 0,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "territories" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "states" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "territories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "territory_members" (
    "territory_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "territory_members_pkey" PRIMARY KEY ("territory_id","user_id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "companies" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "email_norm" TEXT,
    "phone" TEXT,
    "usdot" TEXT,
    "mc_number" TEXT,
    "city" TEXT,
    "state" CHAR(2),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_leads" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "lead_source" "lead_source" NOT NULL,
    "lead_data" JSONB NOT NULL DEFAULT '{}',
    "estimated_value" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "status" "lead_status" NOT NULL DEFAULT 'pending',
    "assigned_admin_id" INTEGER,
    "assigned_at" TIMESTAMPTZ(3),
    "states" TEXT[],
    "priority_score" INTEGER NOT NULL DEFAULT 0,
    "next_follow_up_at" TIMESTAMPTZ(3),
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_contact_at" TIMESTAMPTZ(3),
    "last_call_outcome" "action_outcome",
    "call_locked_by_id" INTEGER,
    "call_locked_until" TIMESTAMPTZ(3),
    "lost_reason" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sales_leads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_activities" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "webhook_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_actions" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "admin_id" INTEGER NOT NULL,
    "action_type" "action_type" NOT NULL,
    "action_description" TEXT,
    "outcome" "action_outcome",
    "notes" TEXT,
    "follow_up_date" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_conversions" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "order_id" TEXT,
    "conversion_value" DECIMAL(12,2) NOT NULL,
    "conversion_type" "conversion_type" NOT NULL,
    "admin_id" INTEGER,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_conversions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_events" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "type" TEXT NOT NULL,
    "from_status" "lead_status",
    "to_status" "lead_status",
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_templates" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "owner_id" INTEGER,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "updated_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_messages" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER,
    "sender_id" INTEGER NOT NULL,
    "template_id" INTEGER,
    "template_version" INTEGER,
    "to_email" TEXT NOT NULL,
    "from_email" TEXT NOT NULL,
    "reply_to" TEXT,
    "reply_token" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "status" "email_status" NOT NULL DEFAULT 'queued',
    "sendgrid_message_id" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "open_count" INTEGER NOT NULL DEFAULT 0,
    "click_count" INTEGER NOT NULL DEFAULT 0,
    "replied_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_events" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER,
    "sg_event_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "email" TEXT,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_suppressions" (
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "webhook_receipts" (
    "id" SERIAL NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "territories_name_key" ON "territories"("name");

-- CreateIndex
CREATE INDEX "territories_states_idx" ON "territories" USING GIN ("states");

-- CreateIndex
CREATE INDEX "territory_members_user_id_idx" ON "territory_members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "companies_external_id_key" ON "companies"("external_id");

-- CreateIndex
CREATE INDEX "companies_usdot_idx" ON "companies"("usdot");

-- CreateIndex
CREATE INDEX "companies_email_norm_idx" ON "companies"("email_norm");

-- CreateIndex
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "companies_email_trgm_idx" ON "companies" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "companies_phone_trgm_idx" ON "companies" USING GIN ("phone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_company_id_idx" ON "contacts"("company_id");

-- CreateIndex
CREATE INDEX "sales_leads_status_created_at_idx" ON "sales_leads"("status", "created_at");

-- CreateIndex
CREATE INDEX "sales_leads_assigned_admin_id_status_idx" ON "sales_leads"("assigned_admin_id", "status");

-- CreateIndex
CREATE INDEX "sales_leads_company_id_created_at_idx" ON "sales_leads"("company_id", "created_at");

-- CreateIndex
CREATE INDEX "sales_leads_next_follow_up_at_idx" ON "sales_leads"("next_follow_up_at");

-- CreateIndex
CREATE INDEX "sales_leads_lead_source_created_at_idx" ON "sales_leads"("lead_source", "created_at");

-- CreateIndex
CREATE INDEX "sales_leads_created_at_idx" ON "sales_leads"("created_at");

-- CreateIndex
CREATE INDEX "sales_leads_states_idx" ON "sales_leads" USING GIN ("states");

-- CreateIndex
CREATE INDEX "lead_activities_lead_id_occurred_at_idx" ON "lead_activities"("lead_id", "occurred_at");

-- CreateIndex
CREATE INDEX "sales_actions_lead_id_created_at_idx" ON "sales_actions"("lead_id", "created_at");

-- CreateIndex
CREATE INDEX "sales_actions_admin_id_created_at_idx" ON "sales_actions"("admin_id", "created_at");

-- CreateIndex
CREATE INDEX "sales_actions_created_at_idx" ON "sales_actions"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sales_conversions_lead_id_key" ON "sales_conversions"("lead_id");

-- CreateIndex
CREATE INDEX "sales_conversions_admin_id_created_at_idx" ON "sales_conversions"("admin_id", "created_at");

-- CreateIndex
CREATE INDEX "sales_conversions_created_at_idx" ON "sales_conversions"("created_at");

-- CreateIndex
CREATE INDEX "lead_events_lead_id_created_at_idx" ON "lead_events"("lead_id", "created_at");

-- CreateIndex
CREATE INDEX "lead_events_type_created_at_idx" ON "lead_events"("type", "created_at");

-- CreateIndex
CREATE INDEX "email_templates_owner_id_idx" ON "email_templates"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_reply_token_key" ON "email_messages"("reply_token");

-- CreateIndex
CREATE INDEX "email_messages_lead_id_created_at_idx" ON "email_messages"("lead_id", "created_at");

-- CreateIndex
CREATE INDEX "email_messages_sender_id_created_at_idx" ON "email_messages"("sender_id", "created_at");

-- CreateIndex
CREATE INDEX "email_messages_sendgrid_message_id_idx" ON "email_messages"("sendgrid_message_id");

-- CreateIndex
CREATE INDEX "email_messages_to_email_idx" ON "email_messages"("to_email");

-- CreateIndex
CREATE UNIQUE INDEX "email_events_sg_event_id_key" ON "email_events"("sg_event_id");

-- CreateIndex
CREATE INDEX "email_events_message_id_occurred_at_idx" ON "email_events"("message_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_receipts_webhook_id_key" ON "webhook_receipts"("webhook_id");

-- CreateIndex
CREATE INDEX "webhook_receipts_received_at_idx" ON "webhook_receipts"("received_at");

-- AddForeignKey
ALTER TABLE "territory_members" ADD CONSTRAINT "territory_members_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_members" ADD CONSTRAINT "territory_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_leads" ADD CONSTRAINT "sales_leads_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_leads" ADD CONSTRAINT "sales_leads_assigned_admin_id_fkey" FOREIGN KEY ("assigned_admin_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_leads" ADD CONSTRAINT "sales_leads_call_locked_by_id_fkey" FOREIGN KEY ("call_locked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_activities" ADD CONSTRAINT "lead_activities_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_actions" ADD CONSTRAINT "sales_actions_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_actions" ADD CONSTRAINT "sales_actions_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_conversions" ADD CONSTRAINT "sales_conversions_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_conversions" ADD CONSTRAINT "sales_conversions_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "email_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_events" ADD CONSTRAINT "email_events_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "email_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
