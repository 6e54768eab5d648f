import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";

/**
 * The one PostgreSQL channel every app instance LISTENs on (see lib/live/, docs/architecture.md).
 * publish_live_event() in the live_events migration names it too.
 */
export const LIVE_CHANNEL = "crm_live";

export const LEAD_LIVE_KINDS = [
  "lead.created",
  "lead.claimed",
  "lead.assigned",
  "lead.released",
  "lead.converted",
  "lead.lost",
  "lead.reopened",
] as const;
export type TLeadLiveKind = (typeof LEAD_LIVE_KINDS)[number];

/**
 * What changed, small enough for a NOTIFY payload (PostgreSQL caps it at 8000 bytes): ids and
 * the facts needed to decide who may see it, never contact details. Listeners re-read what they
 * show, with the viewer's own permissions.
 */
export type TLiveEvent =
  | {
      kind: TLeadLiveKind;
      leadId: number;
      /** USPS codes of the lead's states, so a rep's stream can filter by territory. */
      states: string[];
      /** Owner after the change (null when in the pool). */
      assignedAdminId: number | null;
      actorId: number | null;
      /** Owner before the change, when it changed (reassign, release, reopen): they hear it go. */
      previousAdminId?: number | null;
    }
  | {
      /** A message for one user: an SLA alert, an escalation, a follow-up reminder. */
      kind: "user.notice";
      userId: number;
      leadId: number | null;
      title: string;
      body: string;
      /** Where the toast's "Open" goes (a CRM path), when the notice is about something to open. */
      href?: string | null;
      /** The inbox row this notice announces (lib/notifications/notify-user.ts), if any. */
      notificationId?: number | null;
    };

/**
 * Publishes an event inside the caller's transaction: PostgreSQL delivers a NOTIFY only when the
 * transaction commits, so a rolled-back claim never reaches a screen, and every instance hears it.
 * publish_live_event() also keeps the event in live_events (same transaction), so a stream can
 * resume from Last-Event-ID and a listener that lost its connection can catch up.
 */
export async function publishLiveEvent(tx: TTx, event: TLiveEvent): Promise<void> {
  await tx.$executeRaw`SELECT publish_live_event(${JSON.stringify(event)}::jsonb)`;
}
