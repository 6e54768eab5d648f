import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";

/** The one PostgreSQL channel every app instance LISTENs on (see lib/live/, docs/architecture.md). */
export const LIVE_CHANNEL = "crm_live";

/**
 * What changed, small enough for a NOTIFY payload (PostgreSQL caps it at 8000 bytes): ids and
 * the facts needed to decide who may see it, never contact details. Listeners re-read what they
 * show, with the viewer's own permissions.
 */
export type TLiveEvent =
  | {
      kind: "lead.created" | "lead.claimed" | "lead.assigned" | "lead.released" | "lead.converted" | "lead.lost" | "lead.reopened";
      leadId: number;
      /** USPS codes of the lead's states, so a rep's stream can filter by territory. */
      states: string[];
      /** Owner after the change (null when in the pool). */
      assignedAdminId: number | null;
      actorId: number | null;
    }
  | {
      /** A message for one user: an SLA alert, an escalation, a follow-up reminder. */
      kind: "user.notice";
      userId: number;
      leadId: number | null;
      title: string;
      body: string;
    };

/**
 * Publishes an event inside the caller's transaction: PostgreSQL delivers a NOTIFY only when the
 * transaction commits, so a rolled-back claim never reaches a screen, and every instance hears it.
 */
export async function publishLiveEvent(tx: TTx, event: TLiveEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}
