-- CreateTable
CREATE TABLE "sequences" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "owner_id" INTEGER,
    "created_by_id" INTEGER NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sequences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sequence_steps" (
    "id" SERIAL NOT NULL,
    "sequence_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "delay_amount" INTEGER NOT NULL DEFAULT 0,
    "delay_unit" TEXT NOT NULL DEFAULT 'business_days',
    "template_id" INTEGER,
    "body" TEXT,

    CONSTRAINT "sequence_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sequence_enrolments" (
    "id" SERIAL NOT NULL,
    "sequence_id" INTEGER NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "rep_id" INTEGER NOT NULL,
    "enrolled_by_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "position" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMPTZ(3),
    "stop_reason" TEXT,
    "stopped_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sequence_enrolments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sequence_step_runs" (
    "id" SERIAL NOT NULL,
    "enrolment_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "step_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "rep_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "email_message_id" INTEGER,
    "detail" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "ran_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sequence_step_runs_pkey" PRIMARY KEY ("id")
);

-- Serves the sequences list (shared ones and the rep's own: owner_id IS NULL OR owner_id = $1).
CREATE INDEX "sequences_owner_id_idx" ON "sequences"("owner_id");

-- Serves reading a sequence's steps in order; also one step per position.
CREATE UNIQUE INDEX "sequence_steps_sequence_id_position_key" ON "sequence_steps"("sequence_id", "position");

-- Serves the sequence report's enrolment counts per sequence and status.
CREATE INDEX "sequence_enrolments_sequence_id_status_idx" ON "sequence_enrolments"("sequence_id", "status");

-- Serves the lead page's enrolments of one lead, newest first.
CREATE INDEX "sequence_enrolments_lead_id_created_at_idx" ON "sequence_enrolments"("lead_id", "created_at");

-- Serves stopLeadEnrolments() (the live enrolment of one lead) and admits one live enrolment per lead.
CREATE UNIQUE INDEX "sequence_enrolments_live_lead_key" ON "sequence_enrolments"("lead_id") WHERE (status = ANY (ARRAY['active'::text, 'paused'::text]));

-- Serves the per-rep daily cap: a rep's sends within one company day.
CREATE INDEX "sequence_step_runs_rep_id_ran_at_idx" ON "sequence_step_runs"("rep_id", "ran_at");

-- Serves the sequence report's per-step figures.
CREATE INDEX "sequence_step_runs_step_id_status_idx" ON "sequence_step_runs"("step_id", "status");

-- Serves the step claim: one run per enrolment and position (exactly once across runners and retries).
CREATE UNIQUE INDEX "sequence_step_runs_enrolment_id_position_key" ON "sequence_step_runs"("enrolment_id", "position");

-- AddForeignKey
ALTER TABLE "sequence_steps" ADD CONSTRAINT "sequence_steps_sequence_id_fkey" FOREIGN KEY ("sequence_id") REFERENCES "sequences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sequence_steps" ADD CONSTRAINT "sequence_steps_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "email_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sequence_enrolments" ADD CONSTRAINT "sequence_enrolments_sequence_id_fkey" FOREIGN KEY ("sequence_id") REFERENCES "sequences"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sequence_enrolments" ADD CONSTRAINT "sequence_enrolments_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sequence_step_runs" ADD CONSTRAINT "sequence_step_runs_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "sequence_enrolments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
