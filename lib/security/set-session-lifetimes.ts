import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";
import { getCompanySettings, putCompanySetting, ZSessionAbsoluteHours, ZSessionIdleMinutes } from "@/lib/kernel/company-settings";
import { recordAudit } from "@/lib/audit/record-audit";

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
    const before = await getCompanySettings(tx);
    await putCompanySetting(tx, "sessionIdleMinutes", parsed.data.sessionIdleMinutes);
    await putCompanySetting(tx, "sessionAbsoluteHours", parsed.data.sessionAbsoluteHours);
    await recordAudit(tx, {
      actor,
      action: "settings.changed",
      target: { type: "settings", id: "session_lifetimes" },
      before: { sessionIdleMinutes: before.sessionIdleMinutes, sessionAbsoluteHours: before.sessionAbsoluteHours },
      after: parsed.data,
    });
  });
  return parsed.data;
}
