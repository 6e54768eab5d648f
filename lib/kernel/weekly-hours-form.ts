import { z } from "zod";

// The form side of the kernel's weekly-hours settings (businessHours, textSendingHours,
// sequenceSending): a form posts flat fields (one value per ticked day, two times), which are
// then checked as a whole by the setting's own schema in lib/kernel/company-settings.ts, so the
// rules (the day ends after it starts, TCPA hours for texts) are written once, for every writer.

/** Ticked weekdays: a form sends one value per ticked day ("1", "3"), an API an array of numbers. */
export const ZFormDays = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int()));

/** A clock time field; missing reads as empty, so the setting's clock-time rule says what is wrong. */
export const ZFormClock = z.preprocess((v) => v ?? "", z.string().trim());

/**
 * Parses `value` with a setting's schema; its issues are added to `ctx` under the form's own field
 * names (`fields`: setting key → form field; anything else lands on `fallback`), so each message
 * shows under its input. Returns the parsed setting, or undefined when it was refused.
 */
export function parseSettingFields<S extends z.ZodType>(
  schema: S,
  value: unknown,
  ctx: z.RefinementCtx,
  fields: Record<string, string>,
  fallback: string,
): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  for (const i of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: [fields[String(i.path[0])] ?? fallback], message: i.message });
  return parsed.success ? parsed.data : undefined;
}
