// A merged company is found by its old name (issue 17): the leads search matches the names merged
// into a company (companies.merged_names, written by the merge), through its own trigram index.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCompany } from "@/lib/companies/get-company";
import { mergeCompanies } from "@/lib/companies/merge-companies";
import { listLeads, ZListLeads } from "@/lib/leads/list-leads";
import { leadPageSql } from "@/lib/leads/lead-page-sql";
import { makeLead, makeUser, uid } from "../fixtures/factories";

const company = (name: string) => db.company.create({ data: { name, state: "TX" } });
const search = async (actor: Awaited<ReturnType<typeof makeUser>>["actor"], q: string) =>
  (await listLeads(actor, { filter: { q } })).rows.map((r) => [r.id, r.company.id]).sort((a, b) => a[0] - b[0]);

describe("searching the leads by a merged company's name", () => {
  it("finds the survivor's leads by the merged-away name, by the survivor's own former name, and along a chain of merges", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const u = uid();
    const survivor = await company(`Redline Oversize ${u}`);
    const loser = await company(`Bluebonnet Heavy Haul ${u}`);
    const kept = await makeLead({ companyId: survivor.id });
    const moved = await makeLead({ companyId: loser.id });
    expect(await search(rep, `Bluebonnet Heavy Haul ${u}`)).toEqual([[moved.id, loser.id]]);

    await mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id });
    // Both leads are the survivor's now, and the old name finds them (any case, any part of it).
    expect(await search(rep, `bluebonnet heavy haul ${u}`)).toEqual([
      [kept.id, survivor.id],
      [moved.id, survivor.id],
    ]);
    expect(await search(rep, `Redline Oversize ${u}`)).toHaveLength(2);
    expect((await db.company.findUniqueOrThrow({ where: { id: survivor.id } })).mergedNames).toBe(`Bluebonnet Heavy Haul ${u}`);

    // The survivor takes a third company's name: its own former name stays findable.
    const third = await company(`Caprock Carriers ${u}`);
    const thirds = await makeLead({ companyId: third.id });
    await mergeCompanies(manager, { survivor_id: survivor.id, merged_id: third.id, name: third.id });
    const all = [kept.id, moved.id, thirds.id].sort((a, b) => a - b).map((id) => [id, survivor.id]);
    for (const name of [`Redline Oversize ${u}`, `Bluebonnet Heavy Haul ${u}`, `Caprock Carriers ${u}`])
      expect(await search(rep, name)).toEqual(all);
    expect((await getCompany(rep, { company_id: survivor.id })).mergedNames).toEqual([`Bluebonnet Heavy Haul ${u}`, `Redline Oversize ${u}`]);

    // The survivor is merged in turn: every name it carried goes with it.
    const last = await company(`Dalhart Transport ${u}`);
    await mergeCompanies(manager, { survivor_id: last.id, merged_id: survivor.id });
    expect((await search(rep, `Bluebonnet Heavy Haul ${u}`)).map(([, c]) => c)).toEqual([last.id, last.id, last.id]);
    // A name that was never the company's finds nothing.
    expect(await search(rep, `Ellis County Haulers ${u}`)).toEqual([]);
  });

  it("searches the merged names through their trigram index", async () => {
    const { actor } = await makeUser({ role: "super_admin" });
    const sql = leadPageSql(actor, ZListLeads.parse({ filter: { q: `Bluebonnet ${uid()}` } }));
    // The test database is small, so the planner would rather read companies whole (or walk
    // them by primary key): with both priced out, as on a big table, the plan shows which index
    // serves each arm of the search (npm run bench -- lists shows the plan on 100 000 leads).
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("companies_merged_names_trgm_idx");
    expect(plan).toContain("companies_name_trgm_idx");
  });
});
