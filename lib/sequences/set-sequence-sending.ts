import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZSequenceSending } from "@/lib/kernel/company-settings";
import { parseSettingFields, ZFormClock, ZFormDays } from "@/lib/kernel/weekly-hours-form";

// The form's flat fields, checked as a whole by the setting's own schema (the window ends after it starts).
export const ZSetSequenceSending = z
  .object({
    sendDays: ZFormDays,
    sendStart: ZFormClock,
    sendEnd: ZFormClock,
    dailyCapPerRep: z.coerce.number({ error: "A number of messages" }),
  })
  .transform((f, ctx) => {
    const value = { days: f.sendDays, start: f.sendStart, end: f.sendEnd, dailyCapPerRep: f.dailyCapPerRep };
    const fields = { days: "sendDays", start: "sendStart", end: "sendEnd", dailyCapPerRep: "dailyCapPerRep" };
    return parseSettingFields(ZSequenceSending, value, ctx, fields, "sendDays") ?? z.NEVER;
  });
export type TSetSequenceSending = z.input<typeof ZSetSequenceSending>;

/** Manager only: when sequences may send (days and hours, company time) and each rep's daily cap; audited. */
export const setSequenceSending = command({ input: ZSetSequenceSending, may: "settings.manage" }, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const before = await getCompanySettings(tx);
    await putCompanySetting(tx, "sequenceSending", data);
    await recordAudit(tx, { actor, action: "settings.changed", target: { type: "settings", id: "sequence_sending" }, before: before.sequenceSending, after: data });
    return data;
  });
});
