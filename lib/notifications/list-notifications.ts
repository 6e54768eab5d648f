import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import type { TNotificationKind } from "@/lib/notifications/notification-kinds";

export const ZListNotifications = z.object({
  /** Only the unread ones. */
  unread: z.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListNotifications = z.input<typeof ZListNotifications>;

export type TNotificationItem = {
  id: number;
  kind: TNotificationKind;
  title: string;
  body: string;
  href: string | null;
  createdAt: string;
  read: boolean;
};

/** The actor's own inbox, newest first (index notifications(user_id, created_at desc)); nobody reads another's. */
export const listNotifications = command(ZListNotifications, async (actor, data): Promise<{ items: TNotificationItem[]; unread: number }> => {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.id, ...(data.unread ? { readAt: null } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: data.limit,
    }),
    countUnreadNotifications(actor.id),
  ]);
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as TNotificationKind,
      title: r.title,
      body: r.body,
      href: r.href,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
  };
});

/** The nav badge's figure (partial index notifications_unread_idx). */
export function countUnreadNotifications(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
