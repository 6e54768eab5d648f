import "server-only";
import { isManager, type TActor } from "@/lib/auth/permissions";
import type { TClientLiveEvent } from "@/lib/live/client-live-event";
import type { TStoredLiveEvent } from "@/lib/live/read-live-events";

/**
 * Who hears what (issue 15): the manager every lead event; a rep the leads of its territories
 * (the pool's own rule, get-lead-pool.ts: the lead's states meet the states of the rep's
 * territories), the leads it holds, held before this change or changed itself; a notice only its
 * addressee. A stream, live or replayed from any Last-Event-ID, passes every event through here.
 */
export function mayReceiveLiveEvent(viewer: TActor, stored: TStoredLiveEvent): boolean {
  const e = stored.event;
  if (e.kind === "user.notice") return e.userId === viewer.id;
  if (isManager(viewer)) return true;
  return (
    e.assignedAdminId === viewer.id ||
    e.previousAdminId === viewer.id ||
    e.actorId === viewer.id ||
    stored.territoryUserIds.includes(viewer.id)
  );
}

/** The event as the browser receives it: no states, no other user's ids beyond the holder. */
export function toClientLiveEvent(stored: TStoredLiveEvent): TClientLiveEvent {
  const e = stored.event;
  if (e.kind === "user.notice") return { kind: e.kind, leadId: e.leadId, title: e.title, body: e.body, href: e.href ?? null, notificationId: e.notificationId ?? null };
  return { kind: e.kind, leadId: e.leadId, assignedAdminId: e.assignedAdminId, assignedAdminName: stored.ownerName, actorId: e.actorId };
}
