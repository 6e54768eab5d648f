import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZBusinessHours, ZSlaTimers } from "@/lib/kernel/company-settings";
import { parseSettingFields, ZFormClock, ZFormDays } from "@/lib/kernel/weekly-hours-form";

const blank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);

// The form's flat fields, checked again as a whole by the settings' own schemas below, so the
// same rule (escalation after the alert, the day ends after it starts) holds for every writer.
export const ZSetSlaSettings = z
  .object({
    alertMinutes: z.coerce.number({ error: "A number of minutes" }),
    escalateMinutes: z.coerce.number({ error: "A number of minutes" }),
    // Empty: auto-return is off.
    autoReturnHours: z.preprocess(blank, z.coerce.number({ error: "A number of hours" }).optional()),
    businessDays: ZFormDays,
    businessStart: ZFormClock,
    businessEnd: ZFormClock,
  })
  .transform((f, ctx) => {
    // Issues keep the form's field names, so each lands under its own input.
    const timers = parseSettingFields(
      ZSlaTimers,
      { alertMinutes: f.alertMinutes, escalateMinutes: f.escalateMinutes, autoReturnHours: f.autoReturnHours ?? null },
      ctx,
      { alertMinutes: "alertMinutes", escalateMinutes: "escalateMinutes", autoReturnHours: "autoReturnHours" },
      "alertMinutes",
    );
    const hours = parseSettingFields(
      ZBusinessHours,
      { days: f.businessDays, start: f.businessStart, end: f.businessEnd },
      ctx,
      { days: "businessDays", start: "businessStart", end: "businessEnd" },
      "businessDays",
    );
    if (!timers || !hours) return z.NEVER;
    return { slaTimers: timers, businessHours: hours };
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
