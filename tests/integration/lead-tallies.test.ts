// Issue #19: the dashboard counts leads per rep and status from lead_tallies (migration
// `lead_tallies`: signed changes written by triggers on sales_leads, folded by the
// lead-tallies-compact job). Here the tallies equal a count of sales_leads after every kind of
// write (the workflow's domain functions, a bulk insert, direct updates and deletes, TRUNCATE),
// through compaction (also beside an open writer and a second compaction), and the dashboard's
// figures equal counts of the leads themselves. Own database: it truncates the leads.
import pg from "pg";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { compactLeadTallies } from "@/lib/leads/compact-lead-tallies";
import { convertLead } from "@/lib/leads/convert-lead";
import { getLeadCounts } from "@/lib/leads/get-lead-counts";
import { getRepTotals } from "@/lib/leads/get-rep-totals";
import { getTeamPerformance } from "@/lib/leads/get-team-performance";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { releaseLead } from "@/lib/leads/release-lead";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { runBulkLeadAction } from "@/lib/leads/run-bulk-lead-action";
import { JOB_HANDLERS } from "@/lib/jobs/job-handlers";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase("pilot_crm_test_tallies");

type TCount = { admin_id: number | null; status: string; leads: number };

/** Both sides in one statement, so they are read in one snapshot. */
async function talliesAndCounts(): Promise<{ tallies: TCount[]; counts: TCount[] }> {
  const [row] = await db.$queryRaw<{ tallies: TCount[]; counts: TCount[] }[]>`
    SELECT
      (SELECT coalesce(json_agg(t ORDER BY t.admin_id NULLS FIRST, t.status), '[]')
       FROM (SELECT admin_id, status::text AS status, sum(leads)::int AS leads FROM lead_tallies
             GROUP BY 1, 2 HAVING sum(leads) <> 0) t) AS tallies,
      (SELECT coalesce(json_agg(c ORDER BY c.admin_id NULLS FIRST, c.status), '[]')
       FROM (SELECT assigned_admin_id AS admin_id, status::text AS status, count(*)::int AS leads FROM sales_leads
             GROUP BY 1, 2) c) AS counts`;
  return row;
}

async function expectTalliesMatch() {
  const { tallies, counts } = await talliesAndCounts();
  expect(tallies).toEqual(counts);
  return counts;
}

const tallyRows = async () =>
  Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM lead_tallies`)[0].n);

let manager: TActor;
let ana: TActor;
let ben: TActor;

beforeAll(async () => {
  ({ actor: manager } = await makeUser({ role: "super_admin", name: "Tally Manager" }));
  ({ actor: ana } = await makeUser({ name: "Ana Tally" }));
  ({ actor: ben } = await makeUser({ name: "Ben Tally" }));
});

it("keeps the tallies equal to the leads through the workflow, bulk inserts, direct updates and deletes", async () => {
  const company = await makeCompany();
  const leads = [];
  for (let i = 0; i < 6; i++) leads.push(await makeLead({ companyId: company.id }));
  expect(await expectTalliesMatch()).toEqual([{ admin_id: null, status: "pending", leads: 6 }]);

  await claimLead(ana, { lead_id: leads[0].id });
  await claimLead(ben, { lead_id: leads[1].id });
  await assignLead(manager, { lead_id: leads[2].id, admin_id: ana.id });
  await convertLead(ana, { lead_id: leads[0].id, conversion_value: "1200" });
  await markLeadLost(ben, { lead_id: leads[1].id, reason: "Went with another escort company" });
  await releaseLead(ana, { lead_id: leads[2].id });
  await reopenLead(manager, { lead_id: leads[1].id });
  await runBulkLeadAction(manager, { op: "assign", lead_ids: [leads[3].id, leads[4].id], admin_id: ben.id });
  await runBulkLeadAction(manager, { op: "lose", lead_ids: [leads[4].id, leads[5].id], reason: "Duplicate" });
  await expectTalliesMatch();

  // One statement inserting many leads: one tally row per (admin, status) it touched.
  const before = await tallyRows();
  await db.salesLead.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      companyId: company.id,
      leadSource: "quote" as const,
      states: ["TX"],
      status: i % 2 ? ("assigned" as const) : ("pending" as const),
      assignedAdminId: i % 2 ? ana.id : null,
    })),
  });
  expect(await tallyRows()).toBe(before + 2);
  await expectTalliesMatch();

  // An update that changes neither status nor holder writes no tally at all.
  const quiet = await tallyRows();
  await db.$executeRaw`UPDATE sales_leads SET estimated_value = estimated_value + 1, last_activity_at = now() WHERE company_id = ${company.id}`;
  expect(await tallyRows()).toBe(quiet);

  // Direct writes, many rows at once: a hand-over in SQL, then deleting some leads.
  const held = (counts: TCount[], id: number) =>
    counts.find((c) => c.admin_id === id && c.status === "assigned")?.leads ?? 0;
  const was = await expectTalliesMatch();
  await db.$executeRaw`UPDATE sales_leads SET assigned_admin_id = ${ben.id} WHERE assigned_admin_id = ${ana.id} AND status = 'assigned'`;
  const now = await expectTalliesMatch();
  expect(held(now, ben.id)).toBe(held(was, ben.id) + held(was, ana.id));
  expect(held(was, ana.id)).toBeGreaterThanOrEqual(20);
  await db.$executeRaw`DELETE FROM sales_leads WHERE company_id = ${company.id} AND status = 'pending' AND lead_source = 'quote'`;
  const pool = (counts: TCount[]) =>
    counts.find((c) => c.admin_id === null && c.status === "pending")?.leads ?? 0;
  expect(pool(await expectTalliesMatch())).toBe(pool(now) - 20);
});

it("folds the tallies into one row per rep and status without changing a sum, beside an open writer and a second fold", async () => {
  await makeLead({ status: "in_progress", assignedAdminId: ana.id });
  const counts = await expectTalliesMatch();
  expect(await tallyRows()).toBeGreaterThan(counts.length);

  // A writer holds an uncommitted lead while the fold runs: its tally row is not folded (the fold
  // cannot see it) and not lost; after its commit the sums still match.
  const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await writer.connect();
  try {
    const company = await makeCompany();
    await writer.query("BEGIN");
    await writer.query(
      `INSERT INTO sales_leads (company_id, lead_source, states, status, assigned_admin_id, updated_at)
       VALUES ($1, 'quote', '{TX}', 'assigned', $2, now())`,
      [company.id, ben.id],
    );
    const [a, b] = await Promise.all([compactLeadTallies(), compactLeadTallies()]);
    expect(a + b).toBeGreaterThan(counts.length);
    expect(await tallyRows()).toBe(counts.length); // the folded rows; the writer's is not committed
    await writer.query("COMMIT");
  } finally {
    await writer.end();
  }
  expect(await tallyRows()).toBe(counts.length + 1);
  await expectTalliesMatch();

  // The scheduled job is the same fold; afterwards one row per (admin, status) that holds leads.
  expect(
    await JOB_HANDLERS["lead-tallies-compact"](
      {},
      { kind: "lead-tallies-compact", jobId: "t", retryCount: 0, retryLimit: 1 },
    ),
  ).toEqual({
    folded: expect.any(Number),
  });
  const folded = await expectTalliesMatch();
  expect(await tallyRows()).toBe(folded.length);
  // Folding again folds what is there and changes nothing.
  expect(await compactLeadTallies()).toBe(folded.length);
  expect(await expectTalliesMatch()).toEqual(folded);
});

it("gives the dashboard's counts from the tallies, equal to counting the leads", async () => {
  await makeLead({ status: "assigned", assignedAdminId: ben.id });
  await compactLeadTallies();
  await makeLead({ status: "in_progress", assignedAdminId: ben.id }); // one change not folded yet

  const live = await db.$queryRaw<
    { admin_id: number | null; leads: number; open: number; pending: number }[]
  >`
    SELECT assigned_admin_id AS admin_id, count(*)::int AS leads,
           count(*) FILTER (WHERE status IN ('assigned', 'in_progress'))::int AS open,
           count(*) FILTER (WHERE status = 'pending')::int AS pending
    FROM sales_leads GROUP BY 1`;
  const of = (id: number | null) => live.find((r) => r.admin_id === id) ?? { leads: 0, open: 0, pending: 0 };

  expect(await getLeadCounts(ben)).toMatchObject({
    pending: live.reduce((n, r) => n + r.pending, 0),
    mine: of(ben.id).open,
    total: live.reduce((n, r) => n + r.leads, 0),
  });
  expect(await getRepTotals(ben)).toMatchObject({ leads: of(ben.id).leads, openLeads: of(ben.id).open });
  const team = await getTeamPerformance(manager);
  for (const rep of [ana, ben])
    expect(team.members.find((m) => m.adminId === rep.id)).toMatchObject({
      leads: of(rep.id).leads,
      openLeads: of(rep.id).open,
    });
  expect(team.teamLeads).toBe(live.filter((r) => r.admin_id !== null).reduce((n, r) => n + r.leads, 0));
});

it("empties the tallies when the leads are truncated (also through companies CASCADE), and rebuilds them from the leads", async () => {
  await db.$executeRaw`TRUNCATE companies CASCADE`;
  expect(await tallyRows()).toBe(0);
  expect(await getLeadCounts(manager)).toMatchObject({ pending: 0, mine: 0, total: 0 });

  await makeLead();
  await makeLead({ status: "assigned", assignedAdminId: ana.id });
  await expectTalliesMatch();

  // A load with the triggers off (the 10x seed runs as a replica) is counted again by the rebuild.
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
    await tx.$executeRaw`UPDATE sales_leads SET status = 'lost' WHERE assigned_admin_id = ${ana.id}`;
  });
  const stale = await talliesAndCounts();
  expect(stale.tallies).not.toEqual(stale.counts);
  await db.$executeRaw`SELECT lead_tallies_rebuild()`;
  expect(await expectTalliesMatch()).toEqual([
    { admin_id: null, status: "pending", leads: 1 },
    { admin_id: ana.id, status: "lost", leads: 1 },
  ]);
});
