// Issue 16: a change to the haul pricing queues one `haul-reestimate` job (in the change's
// transaction); its handler prices open load-plan leads again from their stored events, leaves
// converted leads and quotes alone, and a second run changes nothing. In a database of its own:
// the escort-mile rate is company-wide and the handler looks at every open lead.
import { db } from "@/lib/db";
import type { THaulEstimate } from "@/lib/haul/estimate-haul";
import { reestimateOpenLeads } from "@/lib/haul/reestimate-open-leads";
import { setEscortMileRate } from "@/lib/haul/set-escort-mile-rate";
import { setPermitFee } from "@/lib/haul/set-permit-fee";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { makeUser, uid } from "../fixtures/factories";
import { companyFor } from "../fixtures/lead-webhook";
import { dropJobSchema, testJobSchema } from "../fixtures/jobs";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase("pilot_crm_test_haul_re");

// No runner: the queued jobs stay in the table to be counted, and the handler is called here.
const jobSchema = testJobSchema();
const savedSchema = process.env.JOB_SCHEMA;
beforeAll(() => {
  process.env.JOB_SCHEMA = jobSchema;
});
afterAll(async () => {
  if (savedSchema === undefined) delete process.env.JOB_SCHEMA;
  else process.env.JOB_SCHEMA = savedSchema;
  await dropJobSchema(jobSchema);
});

const place = (state: string) => ({ city: "Somewhere", state });
async function ingestLoadPlan(company = companyFor()) {
  // 15 ft wide from TX to OK: escorts in both states, no permit fee known, so the value is
  // escort-miles × the rate.
  const { leadId } = await createSalesLead({
    source: "load_plan",
    company,
    leadData: {
      route: { origin: place("TX"), destination: place("OK"), states: [], miles: 592, state_miles: { TX: 412, OK: 180 } },
      load: { length_ft: 70, width_ft: 15, height_ft: 13, weight_lbs: 80_000, rear_overhang_ft: 21 },
      road_types: ["interstate"],
    },
  });
  return leadId;
}
const leadRow = (id: number) => db.salesLead.findUniqueOrThrow({ where: { id } });
const queuedJobs = async () =>
  (
    await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${jobSchema}".job WHERE name = 'haul-reestimate' AND state = 'created'`,
    )
  )[0].n;

it("prices open load-plan leads with the new rate, once, and leaves converted leads and quotes alone", async () => {
  const { actor: manager } = await makeUser({ role: "super_admin" });
  const openId = await ingestLoadPlan();
  const convertedCompany = companyFor();
  const convertedId = await ingestLoadPlan(convertedCompany);
  await createSalesLead({
    source: "order_placed",
    company: convertedCompany,
    leadData: { order_id: `o-${uid()}`, total: 100 },
  });
  const { leadId: quoteId } = await createSalesLead({
    source: "quote",
    company: companyFor(),
    leadData: {
      pickup: { city: "Denver", state: "CO", date: "2026-12-01" },
      delivery: { city: "Omaha", state: "NE", date: "2026-12-03" },
      cars: 2,
      miles: 540,
      total_cost: 1234,
    },
  });

  const open = await leadRow(openId);
  const converted = await leadRow(convertedId);
  expect(converted.status).toBe("converted");
  expect(Number(open.estimatedValue)).toBe(2008); // (2 × 412 + 1 × 180) × $2.00
  expect(Number(converted.estimatedValue)).toBe(2008);

  // A burst of edits: one waiting job.
  await setEscortMileRate.fromRequest(manager, { escortMileRate: "3" });
  await setEscortMileRate.fromRequest(manager, { escortMileRate: "4" });
  await setPermitFee.fromRequest(manager, { state: "NM", permitFee: "" });
  expect(await queuedJobs()).toBe(1);

  const first = await reestimateOpenLeads();
  expect(first.updated).toBe(1);
  const after = await leadRow(openId);
  expect(Number(after.estimatedValue)).toBe(4016);
  expect((after.haul as unknown as THaulEstimate).value?.estimate).toBe(4016);
  expect([after.needsPolice, after.superload]).toEqual([false, false]);
  // The priority score follows the value as ingest scores it.
  const [{ score }] = await db.$queryRaw<{ score: number }[]>`SELECT lead_priority_score('load_plan', 4016, 1) AS score`;
  expect(after.priorityScore).toBe(score);
  expect(after.priorityScore).not.toBe(open.priorityScore);

  const convertedAfter = await leadRow(convertedId);
  expect(Number(convertedAfter.estimatedValue)).toBe(2008);
  expect(convertedAfter.haul).toEqual(converted.haul);
  expect(Number((await leadRow(quoteId)).estimatedValue)).toBe(1234);
  // A re-estimate is not a replacement by a joining load: the timeline says nothing.
  expect(await db.leadEvent.count({ where: { leadId: openId, type: "haul" } })).toBe(0);

  const second = await reestimateOpenLeads();
  expect(second).toMatchObject({ updated: 0 });
  const again = await leadRow(openId);
  expect(again.updatedAt).toEqual(after.updatedAt);
  expect(again.haul).toEqual(after.haul);
});

it("prices a lead again only while it is open: a lost lead keeps its value (in batches)", async () => {
  const { actor: manager } = await makeUser({ role: "super_admin" });
  const openId = await ingestLoadPlan();
  const lostId = await ingestLoadPlan();
  await db.salesLead.update({ where: { id: lostId }, data: { status: "lost" } });
  const before = await leadRow(lostId);
  await setEscortMileRate.fromRequest(manager, { escortMileRate: "5" });
  // Batches of one: the keyset walks past the lost lead to every open one.
  const run = await reestimateOpenLeads({ batchSize: 1 });
  expect(run).toEqual({ checked: 2, updated: 2 }); // this open lead and the first test's
  expect(Number((await leadRow(openId)).estimatedValue)).toBe(5020); // 1 004 escort-miles × $5
  const after = await leadRow(lostId);
  expect(Number(after.estimatedValue)).toBe(Number(before.estimatedValue));
  expect(after.updatedAt).toEqual(before.updatedAt);
});
