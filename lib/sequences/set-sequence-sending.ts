import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZSequenceSending } from "@/lib/kernel/company-settings";

// A form sends one value per ticked day ("1", "3"), an API an array of numbers.
const ZDays = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int()));

// The form's flat fields, checked as a whole by the setting's own schema (the window ends after it starts).
export const ZSetSequenceSending = z
  .object({
    sendDays: ZDays,
    sendStart: z.preprocess((v) => v ?? "", z.string().trim()),
    sendEnd: z.preprocess((v) => v ?? "", z.string().trim()),
    dailyCapPerRep: z.coerce.number({ error: "A number of messages" }),
  })
  .transform((f, ctx) => {
    const parsed = ZSequenceSending.safeParse({ days: f.sendDays, start: f.sendStart, end: f.sendEnd, dailyCapPerRep: f.dailyCapPerRep });
    const field: Record<string, string> = { days: "sendDays", start: "sendStart", end: "sendEnd", dailyCapPerRep: "dailyCapPerRep" };
    for (const i of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: [field[String(i.path[0])] ?? "sendDays"], message: i.message });
    return parsed.success ? parsed.data : z.NEVER;
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
