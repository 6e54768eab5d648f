import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";
import { publishLiveEvent, type TLeadLiveKind } from "@/lib/live/publish-live-event";

/**
 * A lead transition's live event, from the row as the transition left it. Called inside the
 * transition's transaction, beside recordLeadEvent(), so the screens hear exactly the changes
 * that committed.
 */
export function publishLeadChange(
  tx: TTx,
  kind: TLeadLiveKind,
  lead: { id: number; states: string[]; assignedAdminId: number | null },
  change: { actorId: number | null; previousAdminId?: number | null },
): Promise<void> {
  return publishLiveEvent(tx, {
    kind,
    leadId: lead.id,
    states: lead.states,
    assignedAdminId: lead.assignedAdminId,
    actorId: change.actorId,
    ...(change.previousAdminId != null && change.previousAdminId !== lead.assignedAdminId
      ? { previousAdminId: change.previousAdminId }
      : {}),
  });
}
