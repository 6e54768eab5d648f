import "server-only";
import { db } from "@/lib/db";
import { getCompanySettings, putCompanySetting } from "@/lib/kernel/company-settings";
import { ESCORT_RULES_SEED, ESCORT_RULES_SEED_VERSION } from "@/lib/haul/escort-rules-seed";

/**
 * Writes the seed file's rules into haul_rules once per seed version, so a fresh database (and
 * every test database) starts with the checked states while the file stays the one copy. A newer
 * version adds only states that have no rows yet: the manager's edits are never overwritten.
 */
export async function seedEscortRules(): Promise<void> {
  if ((await getCompanySettings()).escortRulesSeedVersion >= ESCORT_RULES_SEED_VERSION) return;
  await db.$transaction(async (tx) => {
    // Two instances starting at once: the second waits here, then finds the version written.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('haul_rules.seed'))`;
    if ((await getCompanySettings(tx)).escortRulesSeedVersion >= ESCORT_RULES_SEED_VERSION) return;
    const present = new Set(
      (await tx.haulRule.findMany({ select: { state: true }, distinct: ["state"] })).map((r) => r.state),
    );
    const rows = ESCORT_RULES_SEED.filter((r) => !present.has(r.state));
    if (rows.length)
      await tx.haulRule.createMany({
        data: rows.map((r) => ({
          state: r.state,
          dimension: r.dimension,
          roadType: r.roadType,
          minValue: r.minValue,
          minInclusive: r.minInclusive,
          maxValue: r.maxValue,
          frontEscorts: r.frontEscorts,
          rearEscorts: r.rearEscorts,
          heightPole: r.heightPole,
          police: r.police,
          routeSurvey: r.routeSurvey,
          superload: r.superload,
          source: r.source,
          checkedOn: new Date(`${r.checkedOn}T00:00:00Z`),
          verified: r.verified,
          note: r.note,
        })),
      });
    await putCompanySetting(tx, "escortRulesSeedVersion", ESCORT_RULES_SEED_VERSION);
  });
}
