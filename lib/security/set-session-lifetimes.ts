import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { getCompanySettings, putCompanySetting, ZSessionAbsoluteHours, ZSessionIdleMinutes } from "@/lib/kernel/company-settings";
import { recordAudit } from "@/lib/audit/record-audit";

export const ZSetSessionLifetimes = z.object({
  sessionIdleMinutes: z.coerce.number().pipe(ZSessionIdleMinutes),
  sessionAbsoluteHours: z.coerce.number().pipe(ZSessionAbsoluteHours),
});

/** The manager sets the idle and absolute session lifetimes; live sessions are judged by them at once. */
export const setSessionLifetimes = command({ input: ZSetSessionLifetimes, may: "settings.manage" }, async (actor, data) => {
  await db.$transaction(async (tx) => {
    const before = await getCompanySettings(tx);
    await putCompanySetting(tx, "sessionIdleMinutes", data.sessionIdleMinutes);
    await putCompanySetting(tx, "sessionAbsoluteHours", data.sessionAbsoluteHours);
    await recordAudit(tx, {
      actor,
      action: "settings.changed",
      target: { type: "settings", id: "session_lifetimes" },
      before: { sessionIdleMinutes: before.sessionIdleMinutes, sessionAbsoluteHours: before.sessionAbsoluteHours },
      after: data,
    });
  });
  return data;
});
