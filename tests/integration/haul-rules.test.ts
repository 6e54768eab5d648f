// Issue 16: the manager edits escort rules, the escort-mile rate and permit fees; each change is
// audited and shows in its history with who and when; estimates use the new figures at once.
// In a database of its own: the rules are company-wide and other files price loads with the seed.
import { db } from "@/lib/db";
import type { THaulEstimate } from "@/lib/haul/estimate-haul";
import { getHaulSettings } from "@/lib/haul/get-haul-settings";
import { saveHaulRule } from "@/lib/haul/save-haul-rule";
import { setEscortMileRate } from "@/lib/haul/set-escort-mile-rate";
import { setPermitFee } from "@/lib/haul/set-permit-fee";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { makeUser } from "../fixtures/factories";
import { companyFor } from "../fixtures/lead-webhook";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase();

const place = (state: string) => ({ city: "Somewhere", state });
async function priceLoad(load: Record<string, unknown>, states: [string, string], miles = 100) {
  const { leadId } = await createSalesLead({
    source: "load_plan",
    company: companyFor(),
    leadData: {
      route: { origin: place(states[0]), destination: place(states[1]), states: [], miles },
      load: { length_ft: 70, width_ft: 8.5, height_ft: 13, weight_lbs: 80_000, ...load },
      road_types: ["two_lane"],
    },
  });
  const lead = await db.salesLead.findUniqueOrThrow({ where: { id: leadId } });
  return { value: Number(lead.estimatedValue), haul: lead.haul as unknown as THaulEstimate };
}

const txWidthTwoLane = async () => {
  const settings = await getHaulSettings((await makeUser({ role: "super_admin" })).actor);
  return settings.states
    .find((s) => s.state === "TX")!
    .rules.find((r) => r.dimension === "width" && r.roadType === "two_lane")!;
};

describe("reading the rules", () => {
  it("shows every seeded state with its sources, to reps read-only", async () => {
    const { actor: rep } = await makeUser();
    const settings = await getHaulSettings(rep);
    expect(settings.canEdit).toBe(false);
    expect(settings.states.map((s) => s.state)).toEqual(["LA", "OK", "TX"]);
    expect(settings.escortMileRate).toBe(2);
    const tx = await txWidthTwoLane();
    expect(tx).toMatchObject({
      band: "above 14 ft up to 16 ft",
      minForm: 14,
      maxForm: 16,
      verified: true,
      source: expect.stringContaining("txdmv.gov"),
    });
    const ok = settings.states.find((s) => s.state === "OK")!;
    expect(ok.rules.every((r) => !r.verified && r.source.startsWith("Unverified"))).toBe(true);
  });

  it("refuses every change to a rep with 404", async () => {
    const { actor: rep } = await makeUser();
    const rule = await txWidthTwoLane();
    await expect(
      saveHaulRule.fromRequest(rep, {
        id: rule.id,
        state: "TX",
        dimension: "width",
        min: 1,
        max: 2,
        source: "x y z",
        checkedOn: "2026-12-06",
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(setEscortMileRate.fromRequest(rep, { escortMileRate: "9" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(setPermitFee.fromRequest(rep, { state: "TX", permitFee: "1" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("editing", () => {
  it("a lower bound above the upper one is a 400 on the field, and nothing is saved", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const rule = await txWidthTwoLane();
    const form = {
      id: String(rule.id),
      state: "TX",
      dimension: "width",
      roadType: "two_lane",
      min: "16",
      max: "14",
      frontEscorts: "1",
      source: rule.source,
      checkedOn: "2026-12-06",
      verified: "on",
    };
    await expect(saveHaulRule.fromRequest(manager, form)).rejects.toMatchObject({
      status: 400,
      issues: [
        {
          path: "max",
          message: "The upper bound (14) is below the lower bound (16): a load could never match",
        },
      ],
    });
    const after = await db.haulRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect([after.minValue, after.maxValue]).toEqual([168, 192]);
    expect(await db.auditLog.count({ where: { targetType: "haul_rule", targetId: String(rule.id) } })).toBe(
      0,
    );
  });

  it("a rule change prices the next load with it and shows in the rule's history with who and when", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    expect((await priceLoad({ width_ft: 14.5 }, ["TX", "TX"])).value).toBe(200); // 1 × 100 mi × $2
    const rule = await txWidthTwoLane();
    // The manager reads that two-lane roads need front and rear from 14 ft (a made-up edit for the test).
    await saveHaulRule.fromRequest(manager, {
      id: String(rule.id),
      state: "TX",
      dimension: "width",
      roadType: "two_lane",
      min: "14",
      max: "16",
      frontEscorts: "1",
      rearEscorts: "1",
      source: rule.source,
      checkedOn: "2026-12-06",
      verified: "on",
    });
    expect((await priceLoad({ width_ft: 14.5 }, ["TX", "TX"])).value).toBe(400);
    const history = (await txWidthTwoLane()).history;
    expect(history).toEqual([
      { at: expect.any(String), who: manager.email, changes: ["rearEscorts: 0 → 1"] },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetType: "haul_rule", targetId: String(rule.id) },
    });
    expect(audit).toMatchObject({ action: "haul.rule_changed", actorId: manager.id });
  });

  it("a new state's rule makes it known on the next lead", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    expect((await priceLoad({ width_ft: 15 }, ["AR", "AR"])).haul.unknownStates).toEqual(["AR"]);
    const saved = await saveHaulRule(manager, {
      state: "ar",
      dimension: "width",
      min: 14,
      frontEscorts: 1,
      source: "Test source, not a real figure",
      checkedOn: "2026-12-06",
    });
    expect(saved).toMatchObject({ state: "AR", minValue: 168, maxValue: null, verified: false });
    const { haul, value } = await priceLoad({ width_ft: 15 }, ["AR", "AR"]);
    expect(haul.unknownStates).toEqual([]);
    expect(value).toBe(200);
    const ar = (await getHaulSettings(manager)).states.find((s) => s.state === "AR")!;
    expect(ar.rules[0].history).toEqual([
      { at: expect.any(String), who: manager.email, changes: ["Created"] },
    ]);
  });

  it("the escort-mile rate and a permit fee change the value, with their own history", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await setEscortMileRate.fromRequest(manager, { escortMileRate: "2.50" });
    await setPermitFee.fromRequest(manager, { state: "LA", permitFee: "45" });
    // LA 13 ft wide, two-lane: 1 front × 100 mi × $2.50 + $45 permit.
    const { value, haul } = await priceLoad({ width_ft: 13 }, ["LA", "LA"]);
    expect(value).toBe(295);
    expect(haul.breakdown).toBe("1 escort × 100 mi in LA, permits LA ($45.00)");
    await setPermitFee.fromRequest(manager, { state: "LA" }); // empty: unknown again
    expect((await priceLoad({ width_ft: 13 }, ["LA", "LA"])).haul.breakdown).toBe(
      "1 escort × 100 mi in LA, permit fee unknown: LA",
    );
    await expect(setPermitFee.fromRequest(manager, { state: "LA", permitFee: "-5" })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: "permitFee" }],
    });

    const settings = await getHaulSettings(manager);
    expect(settings.escortMileRate).toBe(2.5);
    expect(settings.rateHistory[0]).toEqual({
      at: expect.any(String),
      who: manager.email,
      changes: ["escortMileRate: 2 → 2.5"],
    });
    expect(settings.states.find((s) => s.state === "LA")!.feeHistory.map((h) => h.changes)).toEqual([
      ["permitFee: 45 → —"],
      ["permitFee: — → 45"],
    ]);
  });
});
