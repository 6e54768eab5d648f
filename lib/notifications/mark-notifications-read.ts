import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { zId } from "@/lib/leads/lead-input";

// One id (opening a notification) or none (mark all read). Only the actor's own rows are touched:
// another user's id matches nothing, which is all it learns.
export const ZMarkNotificationsRead = z.object({ id: zId("id").optional() });
export type TMarkNotificationsRead = z.input<typeof ZMarkNotificationsRead>;

export const markNotificationsRead = command(ZMarkNotificationsRead, async (actor, data): Promise<{ marked: number }> => {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(data.id ? { id: data.id } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
});
