-- Issue #21: handoffs and manager approvals, one table for every kind (docs/architecture.md, "Handoffs and approvals").

-- CreateEnum
CREATE TYPE "lead_request_kind" AS ENUM ('handoff', 'lose', 'reopen');

-- CreateEnum
CREATE TYPE "lead_request_state" AS ENUM ('awaiting_approval', 'awaiting_acceptance', 'done', 'declined', 'withdrawn');

-- CreateTable
CREATE TABLE "lead_requests" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "kind" "lead_request_kind" NOT NULL,
    "state" "lead_request_state" NOT NULL,
    "requester_id" INTEGER NOT NULL,
    "receiver_id" INTEGER,
    "reason" TEXT,
    "territory_override" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "approved_by_id" INTEGER,
    "approved_at" TIMESTAMPTZ(3),
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lead_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- Serves the manager's approval queue and its nav badge count (listLeadRequests, getLiveShell): open requests, oldest first.
CREATE INDEX "lead_requests_open_queue_idx" ON "lead_requests"("created_at", "id") WHERE (state = ANY (ARRAY['awaiting_approval'::lead_request_state, 'awaiting_acceptance'::lead_request_state]));

-- CreateIndex
-- Serves a receiver's Requests inbox and badge count: open handoffs addressed to them.
CREATE INDEX "lead_requests_receiver_open_idx" ON "lead_requests"("receiver_id", "created_at") WHERE (state = ANY (ARRAY['awaiting_approval'::lead_request_state, 'awaiting_acceptance'::lead_request_state]));

-- CreateIndex
-- Serves "My requests" (a requester's open and recently decided requests).
CREATE INDEX "lead_requests_requester_id_created_at_idx" ON "lead_requests"("requester_id", "created_at");

-- CreateIndex
-- Serves the lead page's request panel: the lead's requests, newest first.
CREATE INDEX "lead_requests_lead_id_created_at_idx" ON "lead_requests"("lead_id", "created_at");

-- CreateIndex
-- One open request per lead: of two proposals at the same moment one insert commits, the other
-- fails with 23505 and is answered 409. Also serves "the lead's open request" lookups.
CREATE UNIQUE INDEX "lead_requests_one_open_idx" ON "lead_requests"("lead_id") WHERE (state = ANY (ARRAY['awaiting_approval'::lead_request_state, 'awaiting_acceptance'::lead_request_state]));

-- AddForeignKey
ALTER TABLE "lead_requests" ADD CONSTRAINT "lead_requests_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_requests" ADD CONSTRAINT "lead_requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_requests" ADD CONSTRAINT "lead_requests_receiver_id_fkey" FOREIGN KEY ("receiver_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_requests" ADD CONSTRAINT "lead_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
