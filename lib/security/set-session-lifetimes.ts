import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";
import { putCompanySetting, ZSessionAbsoluteHours, ZSessionIdleMinutes } from "@/lib/kernel/company-settings";

export const ZSetSessionLifetimes = z.object({
  sessionIdleMinutes: z.coerce.number().pipe(ZSessionIdleMinutes),
  sessionAbsoluteHours: z.coerce.number().pipe(ZSessionAbsoluteHours),
});

/** The manager sets the idle and absolute session lifetimes; live sessions are judged by them at once. */
export async function setSessionLifetimes(actor: TActor, input: z.input<typeof ZSetSessionLifetimes>) {
  assertCan(actor, "settings.manage");
  const parsed = ZSetSessionLifetimes.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  await db.$transaction(async (tx) => {
    await putCompanySetting(tx, "sessionIdleMinutes", parsed.data.sessionIdleMinutes);
    await putCompanySetting(tx, "sessionAbsoluteHours", parsed.data.sessionAbsoluteHours);
  });
  return parsed.data;
}
