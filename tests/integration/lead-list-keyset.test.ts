import { db } from "@/lib/db";
import { listLeads, type TLeadList } from "@/lib/leads/list-leads";
import { LEAD_SORTS } from "@/lib/leads/lead-vocabulary";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";

// Keyset paging of the leads list (Next / Previous carry a cursor): walking every page forward by
// nextCursor and back by prevCursor gives exactly the offset order, no lead skipped or repeated,
// for every sort both ways, with ties in the sort value and NULLs in the nullable sorts.
// And the search (trigram indexes on companies) finds what a plain ILIKE finds.
describe("listLeads keyset paging and search", () => {
  const tag = uid();
  let rep: Awaited<ReturnType<typeof makeUser>>["actor"];
  let companyIds: number[] = [];

  beforeAll(async () => {
    rep = (await makeUser()).actor;
    const a = await makeCompany({ name: `Keyset ${tag} Alpha Hauling`, email: `alpha_${tag}@ks.example` });
    const b = await makeCompany({ name: `Keyset ${tag} Beta Transport`, phone: "+1 918 555 0177" });
    companyIds = [a.id, b.id];
    const day = (d: number) => new Date(Date.UTC(2026, 3, 1 + d, 15));
    // 27 leads, three pages of 10: created in groups of three on one instant, values in groups of
    // four, and follow-ups / last contacts NULL for every third / fourth lead: ties and NULLs on
    // every page boundary.
    for (let i = 0; i < 27; i++) {
      await makeLead({
        companyId: i % 2 ? a.id : b.id,
        createdAt: day(Math.floor(i / 3)),
        estimatedValue: 1000 + Math.floor(i / 4) * 250,
        nextFollowUpAt: i % 3 === 0 ? null : day(20 + Math.floor(i / 5)),
        lastContactAt: i % 4 === 0 ? null : day(10 + Math.floor(i / 6)),
      });
    }
  });

  const page = (extra: Record<string, unknown>) =>
    listLeads(rep, { filter: { q: `Keyset ${tag}` }, page_size: "10", ...extra } as never);

  for (const sort of LEAD_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages by cursor like by offset: ${sort} ${dir}`, async () => {
        const all = (await page({ sort, dir, page_size: "100" })).rows.map((r) => r.id);
        expect(all).toHaveLength(27);

        const forward: TLeadList[] = [await page({ sort, dir })];
        while (forward.at(-1)!.hasNextPage) {
          const last = forward.at(-1)!;
          forward.push(await page({ sort, dir, page: last.page + 1, after: last.nextCursor }));
          expect(forward.length).toBeLessThan(5);
        }
        expect(forward.map((p) => p.rows.length)).toEqual([10, 10, 7]);
        expect(forward.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
        // Offset pages say the same (a hand-written ?page=N).
        for (const p of forward) expect((await page({ sort, dir, page: p.page })).rows).toEqual(p.rows);

        // Back from the last page: page 2 by cursor, page 1 by its plain link.
        const last = forward[2];
        expect(last.prevCursor).not.toBeNull();
        const back2 = await page({ sort, dir, page: 2, before: last.prevCursor });
        expect(back2.rows.map((r) => r.id)).toEqual(forward[1].rows.map((r) => r.id));
        expect(back2.hasNextPage).toBe(true);
        expect(back2.prevCursor).toBeNull();
        expect(forward[1].prevCursor).toBeNull();
      });
    }
  }

  it("refuses a cursor that does not fit the sort", async () => {
    await expect(page({ sort: "value", after: "2026-04-01T15:00:00.000Z~5" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(page({ sort: "created", after: "~5" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(page({ after: "drop table~1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("finds by search what ILIKE over company name, email and phone finds", async () => {
    for (const q of [`${tag} Alpha`, `alpha_${tag}@`, `Keyset ${tag}`, "918 555 0177"]) {
      const found = (await listLeads(rep, { filter: { q }, page_size: "100" })).rows.map((r) => r.id).sort();
      const like = `%${q}%`;
      const expected = (
        await db.$queryRaw<{ id: number }[]>`
          SELECT l.id FROM sales_leads l JOIN companies c ON c.id = l.company_id
          WHERE c.name ILIKE ${like} OR c.email ILIKE ${like} OR c.phone ILIKE ${like}`
      )
        .map((r) => r.id)
        .sort();
      expect(found).toEqual(expected);
      if (q !== "918 555 0177") expect(found.length).toBeGreaterThan(0);
    }
    // The phone number in another spelling still finds it (digit groups, any separator).
    const byDigits = await listLeads(rep, { filter: { q: "(918) 555-0177" }, page_size: "100" });
    expect(byDigits.rows.some((r) => companyIds.includes(r.company.id))).toBe(true);
  });
});
