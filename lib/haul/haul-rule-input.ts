import { z } from "zod";
import { ZStateCode } from "@/lib/ingest/lead-webhook-schema";
import {
  dimensionUnit,
  formatThreshold,
  HAUL_DIMENSIONS,
  HAUL_ROAD_TYPES,
  type THaulDimension,
} from "@/lib/haul/haul-vocabulary";

// One escort rule as the rules page's form sends it: thresholds in feet (weight in pounds), as
// the manager reads them in the source; stored in inches. Empty bound: no bound on that side.

const ZCheckbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());
const ZBound = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? null : typeof v === "string" ? Number(v) : v),
  z.number({ error: "Enter a number" }).nonnegative("Cannot be negative").max(10_000_000).nullable(),
);
const ZEscorts = z.coerce
  .number({ error: "Enter a number" })
  .int("Whole escorts only")
  .min(0, "Cannot be negative")
  .max(4, "At most 4");

export const ZHaulRuleInput = z
  .object({
    state: ZStateCode,
    dimension: z.enum(HAUL_DIMENSIONS, { error: "Choose a dimension" }),
    roadType: z.enum(HAUL_ROAD_TYPES, { error: "Choose a road type" }).default("all"),
    min: ZBound.default(null),
    minInclusive: ZCheckbox.default(false),
    max: ZBound.default(null),
    frontEscorts: ZEscorts.default(0),
    rearEscorts: ZEscorts.default(0),
    heightPole: ZCheckbox.default(false),
    police: ZCheckbox.default(false),
    routeSurvey: ZCheckbox.default(false),
    superload: ZCheckbox.default(false),
    verified: ZCheckbox.default(false),
    source: z
      .string({ error: "Name the source (URL or regulation)" })
      .trim()
      .min(3, "Name the source (URL or regulation)")
      .max(500),
    checkedOn: z.iso.date({ error: "The date the source was checked" }),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.dimension === "two_dimensions") {
      if (r.min !== null || r.max !== null)
        ctx.addIssue({
          code: "custom",
          path: ["min"],
          message: "A two-dimensions rule has no threshold: leave both bounds empty",
        });
      return;
    }
    if (r.min === null && r.max === null)
      ctx.addIssue({ code: "custom", path: ["min"], message: "Give a lower bound, an upper bound or both" });
    if (r.min !== null && r.max !== null && r.min > r.max)
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `The upper bound (${r.max}) is below the lower bound (${r.min}): a load could never match`,
      });
  });
export type THaulRuleInput = z.input<typeof ZHaulRuleInput>;

/** Feet (or pounds) from the form to what haul_rules stores: inches (or pounds), whole. */
export function toStoredThreshold(d: THaulDimension, v: number | null): number | null {
  if (v === null) return null;
  return dimensionUnit(d) === "in" ? Math.round(v * 12) : Math.round(v);
}

/** A stored threshold back in the form's unit (feet, or pounds). */
export function toFormThreshold(d: THaulDimension, v: number | null): number | null {
  if (v === null) return null;
  return dimensionUnit(d) === "in" ? Math.round((v / 12) * 1000) / 1000 : v;
}

/** "above 14 ft up to 16 ft", "15 ft 9 in or more" — a rule's band in words. */
export function describeBand(
  d: THaulDimension,
  min: number | null,
  minInclusive: boolean,
  max: number | null,
): string {
  if (d === "two_dimensions") return "over escort limits in two dimensions";
  const lo =
    min === null
      ? null
      : minInclusive
        ? `${formatThreshold(d, min)} or more`
        : `above ${formatThreshold(d, min)}`;
  const hi = max === null ? null : `up to ${formatThreshold(d, max)}`;
  return [lo, hi].filter(Boolean).join(" ");
}
