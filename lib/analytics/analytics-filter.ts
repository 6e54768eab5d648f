import { z } from "zod";
import { DEFAULT_TIME_ZONE, zonedDay } from "@/lib/kernel/zoned-time";
import { ZTimeZone } from "@/lib/kernel/time-zone-schema";
import { LEAD_SOURCES } from "@/lib/leads/lead-vocabulary";
import { HAUL_FILTERS } from "@/lib/haul/haul-vocabulary";

// The one filter every analytics figure takes. Dates are calendar days in the company's time zone
// (inclusive on both ends); the SQL turns them into instants with AT TIME ZONE, so a day means the
// same thing in every figure whatever the server's own zone is.

export const RANGE_PRESETS = {
  this_week: "This week",
  this_month: "This month",
  last_30: "Last 30 days",
  last_90: "Last 90 days",
  this_quarter: "This quarter",
  custom: "Custom",
} as const;
export type TRangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: Exclude<TRangePreset, "custom"> = "last_30";
// Bounds the number of buckets (and so the work) a single URL can ask for.
export const MAX_RANGE_DAYS = 731;

const DAY_MS = 86_400_000;

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "2000-01-01" && s <= "2100-12-31";
  }, "Not a calendar date");

const ZId = z.coerce.number().int().positive().max(2_147_483_647);

export const ZAnalyticsFilter = z
  .object({
    from: ZDay,
    to: ZDay,
    timeZone: ZTimeZone.default(DEFAULT_TIME_ZONE),
    repId: ZId.optional(),
    territoryId: ZId.optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    // Issue 16: only leads whose haul needs a police escort and/or is a superload.
    haul: z.enum(HAUL_FILTERS).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.from > f.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The end is before the start" });
    else if (daysBetween(f.from, f.to) + 1 > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["from"], message: `At most ${MAX_RANGE_DAYS} days at a time` });
  });
export type TAnalyticsFilterInput = z.input<typeof ZAnalyticsFilter>;
export type TAnalyticsFilter = z.output<typeof ZAnalyticsFilter>;

// URL parameters as the page receives them; empty strings (a "no filter" option) mean absent.
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
export const ZAnalyticsSearchParams = z.object({
  range: z.preprocess(blankToUndefined, z.enum(Object.keys(RANGE_PRESETS) as [TRangePreset, ...TRangePreset[]]).optional()),
  from: z.preprocess(blankToUndefined, ZDay.optional()),
  to: z.preprocess(blankToUndefined, ZDay.optional()),
  rep: z.preprocess(blankToUndefined, ZId.optional()),
  territory: z.preprocess(blankToUndefined, ZId.optional()),
  source: z.preprocess(blankToUndefined, z.enum(LEAD_SOURCES).optional()),
  haul: z.preprocess(blankToUndefined, z.enum(HAUL_FILTERS).optional()),
});

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The first and last day of a preset, both in the company's calendar; presets end today. */
export function presetRange(preset: Exclude<TRangePreset, "custom">, today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  switch (preset) {
    case "this_week": // weeks start on Monday, as date_trunc('week') does
      return { from: addDays(today, -((d.getUTCDay() + 6) % 7)), to: today };
    case "this_month":
      return { from: iso(new Date(Date.UTC(y, m, 1))), to: today };
    case "this_quarter":
      return { from: iso(new Date(Date.UTC(y, m - (m % 3), 1))), to: today };
    case "last_30":
      return { from: addDays(today, -29), to: today };
    case "last_90":
      return { from: addDays(today, -89), to: today };
  }
}

export type TResolvedFilter = {
  filter: TAnalyticsFilter;
  preset: TRangePreset;
  issues: { path: string; message: string }[];
};

/**
 * URL parameters → the filter. Parameters that do not parse are reported and replaced by the
 * default (the page shows what was ignored) rather than failing the whole page.
 */
export function resolveAnalyticsFilter(
  params: Record<string, string | string[] | undefined>,
  options: { timeZone: string; now?: Date },
): TResolvedFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const issues: TResolvedFilter["issues"] = [];
  const fields = ZAnalyticsSearchParams.shape;
  const read = <K extends keyof typeof fields>(key: K): z.output<(typeof fields)[K]> | undefined => {
    const r = fields[key].safeParse(flat[key]);
    if (r.success) return r.data as z.output<(typeof fields)[K]>;
    issues.push({ path: key, message: r.error.issues[0]?.message ?? "Invalid" });
    return undefined;
  };
  const p = { range: read("range"), from: read("from"), to: read("to"), rep: read("rep"), territory: read("territory"), source: read("source"), haul: read("haul") };
  const today = zonedDay(options.now ?? new Date(), options.timeZone);
  const asked: TRangePreset = p.range ?? (p.from && p.to ? "custom" : DEFAULT_PRESET);
  let preset = asked;
  let range: { from: string; to: string };
  if (asked === "custom") {
    const custom = ZAnalyticsFilter.safeParse({ from: p.from, to: p.to, timeZone: options.timeZone });
    if (custom.success) range = { from: custom.data.from, to: custom.data.to };
    else {
      for (const i of custom.error.issues) issues.push({ path: i.path.join(".") || "range", message: i.message });
      preset = DEFAULT_PRESET;
      range = presetRange(DEFAULT_PRESET, today);
    }
  } else range = presetRange(asked, today);
  const filter: TAnalyticsFilter = {
    ...range,
    timeZone: options.timeZone,
    ...(p.rep ? { repId: p.rep } : {}),
    ...(p.territory ? { territoryId: p.territory } : {}),
    ...(p.source ? { source: p.source } : {}),
    ...(p.haul ? { haul: p.haul } : {}),
  };
  return { filter, preset, issues };
}

/** Time-series bucket for a range: days up to a month, weeks up to half a year, then months. */
export function bucketUnit(filter: { from: string; to: string }): "day" | "week" | "month" {
  const days = daysBetween(filter.from, filter.to) + 1;
  return days <= 31 ? "day" : days <= 184 ? "week" : "month";
}
