import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";

// A checkbox posts "on" when ticked and nothing when not; JSON clients send a boolean.
export const ZSetFollowUpDigest = z.object({
  enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

/** Turns the signed-in user's morning email of the day's follow-ups on or off (My account). */
export const setFollowUpDigest = command(ZSetFollowUpDigest, async (actor, { enabled }) => {
  await db.user.update({ where: { id: actor.id }, data: { followUpDigest: enabled } });
  return { enabled };
});
