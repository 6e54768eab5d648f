import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";

export const ZUpdateOwnProfile = z.object({
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : (v ?? null)),
    z
      .string()
      .trim()
      .max(40, "At most 40 characters")
      .regex(/^[+\d][\d\s().-]{5,}$/, "Enter a phone number")
      .nullable(),
  ),
});

/** Any user sets the phone number that templates and colleagues see (blank clears it). */
export const updateOwnProfile = command(ZUpdateOwnProfile, async (actor, data) => {
  return db.user.update({
    where: { id: actor.id },
    data: { phone: data.phone },
    select: { id: true, phone: true },
  });
});
