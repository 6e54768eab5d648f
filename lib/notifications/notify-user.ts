import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import type { TNotificationKind } from "@/lib/notifications/notification-kinds";

export type TNotifyUser = {
  userId: number;
  kind: TNotificationKind;
  title: string;
  body?: string;
  /** A path inside the CRM the inbox and the toast open. */
  href?: string | null;
  leadId?: number | null;
  /** Who caused it; nobody is told about their own act. */
  actorId?: number | null;
};

/**
 * The one way to tell a user something that stays: a row in their inbox and a live `user.notice`
 * (toast, desktop alert), both in the caller's transaction — so a rolled-back change tells nobody,
 * and a committed one is in the inbox even when the user was offline. Callers decide who may be
 * told (active users, those who may see the thing); this function refuses only self-notices.
 * Returns the notification's id, or null when nothing was written.
 */
export async function notifyUser(tx: TTx, n: TNotifyUser): Promise<number | null> {
  if (n.actorId != null && n.actorId === n.userId) return null;
  const row = await tx.notification.create({
    data: {
      userId: n.userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? "",
      href: n.href ?? null,
      leadId: n.leadId ?? null,
      actorId: n.actorId ?? null,
    },
    select: { id: true },
  });
  await publishLiveEvent(tx, {
    kind: "user.notice",
    userId: n.userId,
    leadId: n.leadId ?? null,
    title: n.title,
    body: n.body ?? "",
    href: n.href ?? null,
    notificationId: row.id,
  });
  return row.id;
}
