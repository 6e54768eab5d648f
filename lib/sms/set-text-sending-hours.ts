import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZTextSendingHours } from "@/lib/kernel/company-settings";
import { parseSettingFields, ZFormClock, ZFormDays } from "@/lib/kernel/weekly-hours-form";

// The form's flat fields, checked as a whole by the setting's own schema: the day ends after it
// starts, and never in the TCPA's quiet hours (the kernel's rule, not restated here).
export const ZSetTextSendingHours = z
  .object({ textDays: ZFormDays, textStart: ZFormClock, textEnd: ZFormClock })
  .transform((f, ctx) => {
    const fields = { days: "textDays", start: "textStart", end: "textEnd" };
    return parseSettingFields(ZTextSendingHours, { days: f.textDays, start: f.textStart, end: f.textEnd }, ctx, fields, "textDays") ?? z.NEVER;
  });
export type TSetTextSendingHours = z.input<typeof ZSetTextSendingHours>;

/**
 * Manager only: the days and hours texts may go out, read in each lead's own time zone
 * (lib/sms/text-sending-window.ts); audited. Texts already waiting for the hours keep the time
 * they were given; their job checks the hours again when it runs, so a shorter window still holds.
 */
export const setTextSendingHours = command({ input: ZSetTextSendingHours, may: "settings.manage" }, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const before = await getCompanySettings(tx);
    await putCompanySetting(tx, "textSendingHours", data);
    await recordAudit(tx, { actor, action: "settings.changed", target: { type: "settings", id: "text_sending_hours" }, before: before.textSendingHours, after: data });
    return data;
  });
});
