import { z } from "zod";
import { FOLLOW_UP_HOUR } from "@/lib/kernel/zoned-time";

// Input pieces shared by the lead workflow's schemas (forms, server actions and the seed's
// endpoints all send strings or JSON, so every piece accepts both).

const MAX_INT = 2_147_483_647;

export function zId(what: string) {
  return z.coerce
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .positive(`${what} must be positive`)
    .max(MAX_INT, `${what} is out of range`);
}

export const ZLeadId = zId("Lead id");

// Money stays a decimal string end to end (numeric(12,2) in the database): never a float.
const MONEY_RE = /^\d{1,10}(\.\d{1,2})?$/;
export const ZMoney = z.preprocess(
  (v) =>
    typeof v === "number" && Number.isFinite(v)
      ? String(v)
      : typeof v === "string"
        ? v.replace(/[$,\s]/g, "")
        : v,
  z.string({ error: "Enter an amount" }).regex(MONEY_RE, "Enter an amount in dollars, like 1250 or 1250.50"),
);
export const ZPositiveMoney = ZMoney.refine((s) => Number(s) > 0, "Must be more than 0");

export function zText(max: number, label = "This field") {
  return z.string().trim().max(max, `${label} must be at most ${max} characters`);
}

export function zOptionalText(max: number, label?: string) {
  return z.preprocess(emptyToUndefined, zText(max, label).optional());
}

/**
 * A follow-up moment. A date alone ("2026-11-25", what the form's date field and quick picks
 * send) or a time without a zone means that moment in the company's time zone, resolved in SQL;
 * a timestamp with a zone is taken as is.
 */
const LOCAL_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?$/;
const ZONED_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
/** `hasTime` false: a date alone, "any time that day" (stored at FOLLOW_UP_HOUR company time). */
export type TMoment = { local: string; hasTime: boolean } | { at: Date; hasTime: true };

// Date.parse rolls "2026-02-31" over to March; a real date reads back as itself.
function isRealDate(s: string): boolean {
  const day = s.slice(0, 10);
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day && !Number.isNaN(Date.parse(s));
}
export const ZMoment = z
  .string({ error: "Enter a date" })
  .trim()
  .refine((s) => LOCAL_RE.test(s) || ZONED_RE.test(s), { message: "Enter a date as YYYY-MM-DD", abort: true })
  .refine(isRealDate, "Not a real date")
  .transform((s): TMoment =>
    ZONED_RE.test(s)
      ? { at: new Date(s), hasTime: true }
      : s.length === 10
        ? { local: `${s}T${String(FOLLOW_UP_HOUR).padStart(2, "0")}:00`, hasTime: false }
        : { local: s, hasTime: true },
  );

/** A company wall-clock time, "HH:MM" (what `<input type="time">` sends). */
export const ZClock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM");

/**
 * A follow-up date with the optional time of its own field: the time turns a date-only moment
 * into a timed one. `undefined` when no date was given.
 */
export function momentWithClock(moment: TMoment | undefined, clock: string | undefined): TMoment | undefined {
  if (!moment || !clock || !("local" in moment) || moment.hasTime) return moment;
  return { local: `${moment.local.slice(0, 10)}T${clock}`, hasTime: true };
}

/** JSON clients send "" or null for "not given"; forms already drop empty fields. */
export function emptyToUndefined(v: unknown): unknown {
  return v === null || (typeof v === "string" && v.trim() === "") ? undefined : v;
}

/** Required text: missing, null and blank all get the same "required" message. */
export function zRequiredText(max: number, label: string, required: string) {
  return z.preprocess((v) => v ?? "", zText(max, label).min(1, required));
}
