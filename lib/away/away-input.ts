import { z } from "zod";

// A period's ends as the form sends them: a company day ("2026-12-07": from its 00:00, or through
// its end for `ends_at`), or an instant with its zone ("2026-12-07T13:00:00Z") for precise times.
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const ZONED_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const ZAwayBound = z
  .string({ error: "Enter a date" })
  .trim()
  .refine((s) => DAY_RE.test(s) || ZONED_RE.test(s), { message: "Enter a date as YYYY-MM-DD", abort: true })
  .refine((s) => !Number.isNaN(new Date(s.length === 10 ? `${s}T00:00:00Z` : s).getTime()) && (s.length !== 10 || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), "Not a real date");

/** The longest period one may set at once: a year (a longer absence is a reassignment). */
export const MAX_AWAY_DAYS = 366;
