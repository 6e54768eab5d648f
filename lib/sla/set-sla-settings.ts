import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZBusinessHours, ZSlaTimers } from "@/lib/kernel/company-settings";

const blank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);
// A form sends one value per ticked day ("1", "3"), an API an array of numbers.
const ZDays = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int()));

// The form's flat fields, checked again as a whole by the settings' own schemas below, so the
// same rule (escalation after the alert, the day ends after it starts) holds for every writer.
export const ZSetSlaSettings = z
  .object({
    alertMinutes: z.coerce.number({ error: "A number of minutes" }),
    escalateMinutes: z.coerce.number({ error: "A number of minutes" }),
    // Empty: auto-return is off.
    autoReturnHours: z.preprocess(blank, z.coerce.number({ error: "A number of hours" }).optional()),
    businessDays: ZDays,
    businessStart: z.string().trim(),
    businessEnd: z.string().trim(),
  })
  .transform((f, ctx) => {
    const timers = ZSlaTimers.safeParse({ alertMinutes: f.alertMinutes, escalateMinutes: f.escalateMinutes, autoReturnHours: f.autoReturnHours ?? null });
    const hours = ZBusinessHours.safeParse({ days: f.businessDays, start: f.businessStart, end: f.businessEnd });
    // Issues keep the form's field names, so each lands under its own input.
    const field: Record<string, string> = { days: "businessDays", start: "businessStart", end: "businessEnd" };
    for (const i of timers.error?.issues ?? []) ctx.addIssue({ code: "custom", path: [String(i.path[0] ?? "alertMinutes")], message: i.message });
    for (const i of hours.error?.issues ?? []) ctx.addIssue({ code: "custom", path: [field[String(i.path[0])] ?? "businessDays"], message: i.message });
    if (!timers.success || !hours.success) return z.NEVER;
    return { slaTimers: timers.data, businessHours: hours.data };
  });
export type TSetSlaSettings = z.input<typeof ZSetSlaSettings>;

/** Manager only: the speed-to-lead timers and the business hours, audited as one change. */
export const setSlaSettings = command({ input: ZSetSlaSettings, may: "settings.manage" }, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const before = await getCompanySettings(tx);
    await putCompanySetting(tx, "slaTimers", data.slaTimers);
    await putCompanySetting(tx, "businessHours", data.businessHours);
    await recordAudit(tx, {
      actor,
      action: "settings.changed",
      target: { type: "settings", id: "speed_to_lead" },
      before: { slaTimers: before.slaTimers, businessHours: before.businessHours },
      after: data,
    });
    return data;
  });
});
