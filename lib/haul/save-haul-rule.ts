import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueHaulReestimate } from "@/lib/haul/queue-haul-reestimate";
import { jobSender } from "@/lib/jobs/job-boss";
import { toHaulRule, forgetHaulPricing } from "@/lib/haul/load-haul-pricing";
import { toStoredThreshold, ZHaulRuleInput } from "@/lib/haul/haul-rule-input";

export const ZSaveHaulRule = z.intersection(
  z.object({ id: z.coerce.number().int().positive().optional() }),
  ZHaulRuleInput,
);

/**
 * Manager only: adds an escort rule (a new state's, say) or changes one. The audit row carries
 * the rule before and after, which is the rule's change history on the rules page. A bound that
 * makes no sense (lower above upper) is refused by the schema: 400 on the field, nothing saved.
 */
export const saveHaulRule = command({ input: ZSaveHaulRule, may: "haul.manage" }, async (actor, p) => {
  const data = {
    state: p.state,
    dimension: p.dimension,
    roadType: p.roadType,
    minValue: toStoredThreshold(p.dimension, p.min),
    minInclusive: p.minInclusive,
    maxValue: toStoredThreshold(p.dimension, p.max),
    frontEscorts: p.frontEscorts,
    rearEscorts: p.rearEscorts,
    heightPole: p.heightPole,
    police: p.police,
    routeSurvey: p.routeSurvey,
    superload: p.superload,
    source: p.source,
    checkedOn: new Date(`${p.checkedOn}T00:00:00Z`),
    verified: p.verified,
    note: p.note ?? null,
  };
  // Open leads are priced again by a job queued with the change (its sender started first).
  await jobSender();
  const saved = await db.$transaction(async (tx) => {
    const before = p.id ? await tx.haulRule.findUnique({ where: { id: p.id } }) : null;
    if (p.id && !before) throw new AppError("NOT_FOUND", "This rule does not exist.");
    const row = before
      ? await tx.haulRule.update({ where: { id: before.id }, data })
      : await tx.haulRule.create({ data });
    await recordAudit(tx, {
      actor,
      action: "haul.rule_changed",
      target: { type: "haul_rule", id: row.id },
      before: before ? toHaulRule(before) : null,
      after: toHaulRule(row),
    });
    await queueHaulReestimate(tx);
    return toHaulRule(row);
  });
  forgetHaulPricing();
  return saved;
});
