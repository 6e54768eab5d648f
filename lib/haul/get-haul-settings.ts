import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { US_STATES } from "@/lib/geo/us-states";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import type { THaulRule } from "@/lib/haul/haul-vocabulary";
import { seedEscortRules } from "@/lib/haul/seed-escort-rules";
import { toHaulRule } from "@/lib/haul/load-haul-pricing";
import { describeBand, toFormThreshold } from "@/lib/haul/haul-rule-input";

export type THaulChange = { at: string; who: string; changes: string[] };
export type THaulRuleView = THaulRule & {
  id: number;
  band: string;
  minForm: number | null;
  maxForm: number | null;
  history: THaulChange[];
};
export type THaulSettings = {
  canEdit: boolean;
  escortMileRate: number;
  rateHistory: THaulChange[];
  states: {
    state: string;
    name: string;
    permitFee: number | null;
    feeHistory: THaulChange[];
    rules: THaulRuleView[];
  }[];
};

// The history shows what moved, field by field; the full rows stay in the audit log.
const HIDDEN = new Set(["id", "updatedAt"]);
function changesOf(before: unknown, after: unknown): string[] {
  const b = (before ?? null) as Record<string, unknown> | null;
  const a = (after ?? {}) as Record<string, unknown>;
  if (!b) return ["Created"];
  const out: string[] = [];
  for (const key of Object.keys(a)) {
    if (HIDDEN.has(key) || JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const show = (v: unknown) => (v === null || v === undefined ? "—" : String(v));
    out.push(`${key}: ${show(b[key])} → ${show(a[key])}`);
  }
  return out.length ? out : ["Saved without changes"];
}

/**
 * The rules page: every state with rules or a permit fee, each rule with its change history (who
 * and when, from the audit log), the escort-mile rate and its history. Every signed-in user reads
 * it (reps quote from it); `canEdit` only for the manager.
 */
export async function getHaulSettings(actor: TActor): Promise<THaulSettings> {
  await seedEscortRules();
  const [rules, fees, settings, audit] = await Promise.all([
    db.haulRule.findMany({
      orderBy: [
        { state: "asc" },
        { dimension: "asc" },
        { roadType: "asc" },
        { minValue: "asc" },
        { id: "asc" },
      ],
    }),
    db.haulStateFee.findMany(),
    getCompanySettings(),
    db.auditLog.findMany({
      where: { targetType: { in: ["haul_rule", "haul_rate", "haul_fee"] } },
      orderBy: { at: "desc" },
      take: 2_000,
      select: { at: true, actorEmail: true, targetType: true, targetId: true, before: true, after: true },
    }),
  ]);
  const history = new Map<string, THaulChange[]>();
  for (const row of audit) {
    const key = `${row.targetType}:${row.targetId}`;
    const list = history.get(key) ?? [];
    list.push({
      at: row.at.toISOString(),
      who: row.actorEmail ?? "system",
      changes: changesOf(row.before, row.after),
    });
    history.set(key, list);
  }
  const feeByState = new Map(fees.map((f) => [f.state, f.permitFee === null ? null : Number(f.permitFee)]));
  const states = [...new Set([...rules.map((r) => r.state), ...fees.map((f) => f.state)])].sort();
  return {
    canEdit: can(actor, "haul.manage"),
    escortMileRate: settings.escortMileRate,
    rateHistory: history.get("haul_rate:escort_mile_rate") ?? [],
    states: states.map((state) => ({
      state,
      name: US_STATES[state]?.name ?? state,
      permitFee: feeByState.get(state) ?? null,
      feeHistory: history.get(`haul_fee:${state}`) ?? [],
      rules: rules
        .filter((r) => r.state === state)
        .map((row) => {
          const r = toHaulRule(row);
          return {
            ...r,
            band: describeBand(r.dimension, r.minValue, r.minInclusive, r.maxValue),
            minForm: toFormThreshold(r.dimension, r.minValue),
            maxForm: toFormThreshold(r.dimension, r.maxValue),
            history: history.get(`haul_rule:${r.id}`) ?? [],
          };
        }),
    })),
  };
}
