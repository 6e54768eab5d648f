import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { calendarFeedPath, hashCalendarToken, newCalendarToken } from "@/lib/calendar/calendar-token";

export const ZRotateCalendarToken = z.object({});

/**
 * Makes a new secret feed URL for the signed-in user's calendar and forgets the old one, which
 * stops working at once (its hash is replaced). The URL is answered once, here: only its hash is
 * kept, so the page cannot show it again (rotate again to get a new one).
 */
export const rotateCalendarToken = command(ZRotateCalendarToken, async (actor) => {
  const token = newCalendarToken();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { calendarTokenHash: true } });
    await tx.user.update({ where: { id: actor.id }, data: { calendarTokenHash: hashCalendarToken(token) } });
    // A feed URL is a credential: who made a new one, and whether an old one stopped working.
    await recordAudit(tx, {
      actor,
      action: "user.calendar_feed_rotated",
      target: { type: "user", id: actor.id },
      after: { replaced: before.calendarTokenHash !== null },
    });
  });
  return { path: calendarFeedPath(token) };
});
