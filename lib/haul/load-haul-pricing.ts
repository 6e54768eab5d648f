import "server-only";
import { db } from "@/lib/db";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import type { THaulDimension, THaulPricing, THaulRoadType, THaulRule } from "@/lib/haul/haul-vocabulary";
import { seedEscortRules } from "@/lib/haul/seed-escort-rules";

// Every load-plan event is priced with these, so they are kept for a few seconds per process and
// database instead of read on every event (the ingest bench). A change made here (the rules page)
// clears this process's copy at once; another instance sees it within HAUL_PRICING_TTL_MS.
export const HAUL_PRICING_TTL_MS = 10_000;
const cache = new Map<string, { at: number; pricing: Promise<THaulPricing> }>();

type TRuleRow = Omit<THaulRule, "dimension" | "roadType" | "checkedOn"> & {
  id: number;
  dimension: string;
  roadType: string;
  checkedOn: Date;
};

export function toHaulRule(r: TRuleRow): THaulRule & { id: number } {
  return {
    ...r,
    dimension: r.dimension as THaulDimension,
    roadType: r.roadType as THaulRoadType,
    checkedOn: r.checkedOn.toISOString().slice(0, 10),
  };
}

async function read(): Promise<THaulPricing> {
  await seedEscortRules();
  const [rules, fees, settings] = await Promise.all([
    db.haulRule.findMany({
      orderBy: [{ state: "asc" }, { dimension: "asc" }, { minValue: "asc" }, { id: "asc" }],
    }),
    db.haulStateFee.findMany(),
    getCompanySettings(),
  ]);
  return {
    rules: rules.map((r) => toHaulRule(r)),
    escortMileRate: settings.escortMileRate,
    permitFees: Object.fromEntries(
      fees.map((f) => [f.state, f.permitFee === null ? null : Number(f.permitFee)]),
    ),
  };
}

/** The rules, the escort-mile rate and the permit fees the estimate prices with. */
export function loadHaulPricing(): Promise<THaulPricing> {
  const key = process.env.DATABASE_URL ?? "";
  const hit = cache.get(key);
  if (hit && performance.now() - hit.at < HAUL_PRICING_TTL_MS) return hit.pricing;
  const pricing = read();
  cache.set(key, { at: performance.now(), pricing });
  pricing.catch(() => cache.delete(key));
  return pricing;
}

/** After a change to rules, fees or the rate: the next estimate in this process reads afresh. */
export function forgetHaulPricing(): void {
  cache.clear();
}
