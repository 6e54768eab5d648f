import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// The lead's append-only timeline and audit trail. Always called inside the transaction that made
// the change, so an event exists exactly when its change does.
export type TLeadEventType =
  | "created"
  | "activity"
  | "claimed"
  | "assigned"
  | "released"
  | "status_changed"
  | "action_logged"
  | "action_voided"
  | "email_sent"
  | "email_event"
  | "email_replied"
  // Texts (lib/sms/): each echoes a text_messages row, which the timeline shows itself.
  | "text_sent"
  | "text_received"
  | "converted"
  | "lost"
  | "reopened"
  | "call_locked"
  // Speed-to-lead timers (lib/sla/).
  | "sla_alerted"
  | "sla_escalated"
  | "auto_returned"
  | "follow_up_snoozed"
  // Sequences (lib/sequences/): enrolled, a step ran (call task, skipped send), stopped/paused/resumed.
  | "sequence_enrolled"
  | "sequence_step"
  | "sequence_stopped"
  | "sequence_paused"
  | "sequence_resumed"
  // Handoffs and approvals (lib/requests/): every step of a request, and the handoff itself.
  | "request_made"
  | "request_approved"
  | "request_accepted"
  | "request_declined"
  | "request_withdrawn"
  // closed by the system: the lead left its holder or closed another way (lib/leads/end-lead-holding.ts)
  | "request_cancelled"
  | "handed_off"
  // written by apply_lead_haul() (SQL) when a joining load changes or keeps the haul estimate
  | "haul"
  // the lead's company was merged with another (lib/companies/merge-companies.ts)
  | "company_merged";

type TStatus = "pending" | "assigned" | "in_progress" | "converted" | "lost";

export async function recordLeadEvent(
  tx: Prisma.TransactionClient,
  event: {
    leadId: number;
    actorId?: number | null;
    type: TLeadEventType;
    fromStatus?: TStatus | null;
    toStatus?: TStatus | null;
    data?: Prisma.InputJsonValue;
  },
) {
  return tx.leadEvent.create({
    data: {
      leadId: event.leadId,
      actorId: event.actorId ?? null,
      type: event.type,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      data: event.data ?? {},
    },
  });
}
