import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";

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
export async function updateOwnProfile(actor: TActor, input: z.input<typeof ZUpdateOwnProfile>) {
  const parsed = ZUpdateOwnProfile.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return db.user.update({
    where: { id: actor.id },
    data: { phone: parsed.data.phone },
    select: { id: true, phone: true },
  });
}
