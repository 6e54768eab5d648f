// Issue #19: the call list and the pool page by keyset, count to a bound, and the leads list
// reaches its last page from the end and refuses deep offsets. Ties (same instant) are on purpose:
// a keyset that compared the time alone would lose or repeat the tied rows.
import pg from "pg";
import { db } from "@/lib/db";
import { getCallList } from "@/lib/calls/get-call-list";
import { orderCallList } from "@/lib/calls/call-priority";
import { getLeadPool, poolRuns, ZGetLeadPool } from "@/lib/calls/get-lead-pool";
import { listLeads } from "@/lib/leads/list-leads";
import { countLabel, EXACT_COUNT_LIMIT } from "@/lib/leads/lead-vocabulary";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";
import { days, hours, makeTerritory } from "../fixtures/calls";

const now = new Date("2026-11-18T18:00:00Z");
const at = (offset: number) => new Date(now.getTime() + offset);

/** Every page from the first by following nextCursor; the ids in order. */
async function walk<T extends { rows: { id: number }[]; nextCursor: string | null }>(
  page: (after?: string) => Promise<T>,
): Promise<number[]> {
  const ids: number[] = [];
  let after: string | undefined;
  for (let i = 0; i < 2000; i++) {
    const p = await page(after);
    ids.push(...p.rows.map((r) => r.id));
    if (!p.nextCursor) return ids;
    after = p.nextCursor;
  }
  throw new Error(
    `the pages never ended: ${ids.length} rows read, last cursor ${after}, last ids ${ids.slice(-6).join(",")}`,
  );
}

/** The statement texts sent to PostgreSQL while `fn` ran that `keep` picks. */
async function statementsDuring(
  keep: (text: string) => boolean,
  fn: () => Promise<unknown>,
): Promise<string[]> {
  const queries = jest.spyOn(pg.Client.prototype, "query");
  try {
    await fn();
    return queries.mock.calls.map(([q]) => String((q as { text?: string }).text ?? q)).filter(keep);
  } finally {
    queries.mockRestore();
  }
}

describe("call list paging", () => {
  it("walks every bucket by Next, page size 1 to 4, without losing or repeating a row, ties by id", async () => {
    const { actor: rep } = await makeUser();
    const company = await makeCompany();
    const make = async (p: {
      followUp?: Date;
      contact?: Date;
      outcome?: "interested" | "callback" | "voicemail";
      assigned?: Date;
    }) => {
      const lead = await makeLead({
        companyId: company.id,
        status: p.contact ? "in_progress" : "assigned",
        assignedAdminId: rep.id,
        nextFollowUpAt: p.followUp ?? null,
        lastContactAt: p.contact ?? null,
      });
      await db.salesLead.update({
        where: { id: lead.id },
        data: {
          lastCallOutcome: p.outcome ?? null,
          assignedAt: p.assigned ?? at(-days(2)),
          createdAt: at(-days(3)),
        },
      });
    };
    // Three of each bucket, two of them tied on the bucket's sort column.
    for (const k of [0, 1, 1]) {
      await make({ followUp: at(-days(2 + k)), contact: at(-days(4)), outcome: "voicemail" });
      await make({ followUp: at(-hours(2 + k)), contact: at(-days(3)), outcome: "voicemail" });
      await make({ assigned: at(-hours(5 + k)) });
      await make({ contact: at(-days(2 + k)), outcome: "interested" });
      await make({ contact: at(-days(2 + k)), outcome: "callback" });
      await make({ contact: at(-days(20 + k)), outcome: "voicemail" });
    }
    const { start, end } = zonedDayBounds(now, "America/Chicago");
    const fixture = await db.salesLead.findMany({ where: { assignedAdminId: rep.id } });
    const expected = orderCallList(fixture, { now, dayStart: start, dayEnd: end, staleDays: 7 }).map(
      (x) => x.id,
    );
    expect(expected).toHaveLength(18);
    for (const limit of [1, 2, 3, 4]) {
      const ids = await walk((after) => getCallList(rep, { limit, after }, { now }));
      expect(ids).toEqual(expected);
    }
    // The same walk under a call-status filter.
    const interested = await walk((after) =>
      getCallList(rep, { limit: 2, after, callStatus: "interested" }, { now }),
    );
    expect(interested).toEqual(
      orderCallList(fixture, { now, dayStart: start, dayEnd: end, staleDays: 7 })
        .filter((x) => x.lastCallOutcome === "interested")
        .map((x) => x.id),
    );
  });

  it("counts a bucket exactly up to the bound, then says 1,000+", async () => {
    const { actor: rep } = await makeUser();
    const company = await makeCompany();
    await db.$executeRaw`
      INSERT INTO sales_leads (company_id, lead_source, status, assigned_admin_id, assigned_at, states, created_at, updated_at)
      SELECT ${company.id}, 'manual', 'assigned', ${rep.id}, ${at(-days(1))}::timestamptz - g * interval '1 second', '{TX}', ${at(-days(2))}::timestamptz, now()
      FROM generate_series(1, ${EXACT_COUNT_LIMIT + 5}) g`;
    const list = await getCallList(rep, { limit: 10 }, { now });
    expect(list.buckets.new).toEqual({ n: EXACT_COUNT_LIMIT, kind: "atLeast" });
    expect(countLabel(list.buckets.new)).toBe("1,000+");
    expect(countLabel(list.total)).toBe("1,000+");
    expect(list.buckets.overdue).toEqual({ n: 0, kind: "exact" });
    expect(list.rows).toHaveLength(10);
  });

  it("refuses a cursor that is not one (400)", async () => {
    const { actor: rep } = await makeUser();
    await expect(getCallList(rep, { after: "7~2026-11-18T18:00:00.000Z~1" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "after" })],
    });
    await expect(getCallList(rep, { after: "1~yesterday~1" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("pool paging", () => {
  it("walks my territory first then the rest by Next, newest first, ties by id, none lost or repeated", async () => {
    const { actor: rep } = await makeUser();
    // A state of its own, so other tests' pending leads stay out of the territory run.
    const state = "VT";
    await makeTerritory([state], [rep.id]);
    const tag = uid();
    const company = await makeCompany({ name: `Pool paging ${tag}` });
    const t = at(-hours(1));
    const inside: number[] = [];
    for (let i = 0; i < 5; i++)
      inside.push(
        (await makeLead({ companyId: company.id, states: [state], createdAt: i < 3 ? t : at(-hours(2 + i)) }))
          .id,
      );
    const mine = await walk((after) => getLeadPool(rep, { scope: "mine", limit: 2, after }, { now }));
    const theirs = await db.salesLead.findMany({
      where: { status: "pending", states: { has: state } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(mine).toEqual(theirs.map((r) => r.id));
    expect(mine).toEqual(expect.arrayContaining(inside));

    // "All": the territory run, then every other pending lead, with no row twice. (Other test
    // files add and claim pending leads meanwhile: only this test's own leads are checked.)
    const outside: number[] = [];
    for (let i = 0; i < 4; i++)
      outside.push(
        (await makeLead({ companyId: company.id, states: ["ME"], createdAt: i < 2 ? t : at(-hours(3 + i)) }))
          .id,
      );
    const all = await walk((after) => getLeadPool(rep, { limit: 50, after }, { now }));
    expect(all.slice(0, mine.length)).toEqual(mine);
    expect(new Set(all).size).toBe(all.length);
    const seen = all.filter((id) => outside.includes(id));
    // The two created at the same instant by id, newest id first, then the older two.
    expect(seen).toEqual([outside[1], outside[0], outside[2], outside[3]]);
  });

  it("pages on from a page that ends among the other territories' leads, without repeating one", async () => {
    // A page ending on an outside lead must carry an "outside" cursor: one that said "mine"
    // restarted the outside run from its top, repeating its leads page after page.
    // States no other test file uses: their pending leads would join these runs (the database is shared).
    const { user, actor: rep } = await makeUser();
    await makeTerritory(["DE"], [user.id]);
    const company = await makeCompany();
    const mine: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < 3; i++) {
      mine.push(
        (await makeLead({ companyId: company.id, states: ["DE", "WV"], createdAt: at(-hours(1 + i)) })).id,
      );
      outside.push(
        (await makeLead({ companyId: company.id, states: ["WV"], createdAt: at(-hours(1 + i)) })).id,
      );
    }
    const all = await walk((after) => getLeadPool(rep, { state: "WV", limit: 2, after }, { now }));
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 3)).toEqual(mine);
    expect(all.filter((id) => outside.includes(id))).toEqual(outside);
  });

  it("reads no outside run for a state of my own territories, and no territory run without a territory", async () => {
    // Every lead in a state of my territories touches them: the outside run could only come back
    // empty, after scanning the whole pool to say so (40 ms at 1 000 000 leads).
    const states = ["DE", "WV"];
    const data = (input: Record<string, unknown>) => ZGetLeadPool.parse(input);
    expect(poolRuns(states, data({ state: "WV" }))).toEqual(["territory"]);
    expect(poolRuns(states, data({ state: "TX" }))).toEqual(["territory", "outside"]);
    expect(poolRuns(states, data({}))).toEqual(["territory", "outside"]);
    expect(poolRuns(states, data({ scope: "mine" }))).toEqual(["territory"]);
    expect(poolRuns([], data({}))).toEqual(["outside"]);
    // Past the territory run (an outside cursor), only the outside run is left.
    expect(poolRuns(states, data({ after: `o~${new Date().toISOString()}~5` }))).toEqual(["outside"]);

    // A full page from the territory run reads nothing else: one statement for the page.
    const { user, actor: rep } = await makeUser();
    await makeTerritory(["NH"], [user.id]);
    const company = await makeCompany();
    for (let i = 0; i < 3; i++)
      await makeLead({ companyId: company.id, states: ["NH"], createdAt: at(-hours(1 + i)) });
    const pages: Awaited<ReturnType<typeof getLeadPool>>[] = [];
    const pageReads = await statementsDuring(
      (text) => text.includes("WITH page AS MATERIALIZED"),
      async () => {
        pages.push(await getLeadPool(rep, { state: "NH", limit: 2 }, { now }));
        pages.push(await getLeadPool(rep, { limit: 2 }, { now }));
      },
    );
    const [byState, all] = pages;
    for (const page of [byState, all]) {
      expect(page.rows).toHaveLength(2);
      expect(page.nextCursor).toMatch(/^t~/);
    }
    // One read per page, and neither touched the outside run (the pool's "NOT (l.states && mine)").
    expect(pageReads).toHaveLength(2);
    expect(pageReads.filter((text) => text.includes("NOT (l.states"))).toEqual([]);
  });

  it("counts a state of my own territories once: all its pending leads are in them", async () => {
    const { user, actor: rep } = await makeUser();
    await makeTerritory(["NH", "VT"], [user.id]);
    await makeLead({ states: ["NH"] });
    const COUNT = (text: string) => text.startsWith("EXPLAIN (FORMAT JSON) SELECT 1 FROM sales_leads l");
    const byState = () => getLeadPool(rep, { state: "NH" }, { now });
    expect(await statementsDuring(COUNT, byState)).toHaveLength(1);
    const pool = await byState();
    const n = await db.salesLead.count({ where: { status: "pending", states: { has: "NH" } } });
    expect(pool.total).toEqual({ n, kind: "exact" });
    expect(pool.inTerritory).toEqual(pool.total);
    // Another state is two sets: all of them, and those also touching my territories.
    const counts2 = await statementsDuring(COUNT, () => getLeadPool(rep, { state: "TX" }, { now }));
    expect(counts2).toHaveLength(2);
  });

  it("counts exactly below the bound", async () => {
    const { actor: rep } = await makeUser();
    await makeTerritory(["WY"], [rep.id]);
    await makeLead({ states: ["WY"] });
    const pool = await getLeadPool(rep, { scope: "mine" }, { now });
    const n = await db.salesLead.count({ where: { status: "pending", states: { has: "WY" } } });
    expect(pool.total).toEqual({ n, kind: "exact" });
    expect(pool.inTerritory).toEqual({ n, kind: "exact" });
  });
});

describe("leads list: last page and deep offsets", () => {
  it("reads the last page from the end of the order, NULLs where the order puts them", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const tag = uid();
    const company = await makeCompany({ name: `Last page ${tag}` });
    const t = at(-days(1));
    // Twelve leads, half of them created at the same instant (ties broken by id).
    for (let i = 0; i < 12; i++)
      await makeLead({ companyId: company.id, createdAt: i % 2 ? t : at(-days(2 + i)) });
    const newest = await db.salesLead.findMany({
      where: { companyId: company.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const filter = { q: `Last page ${tag}` };
    const last = await listLeads(manager, { filter, page_size: 10, last: "1" });
    expect(last.rows.map((r) => r.id)).toEqual(newest.slice(2).map((r) => r.id));
    expect(last).toMatchObject({ hasNextPage: false, nextCursor: null, page: 2 });
    // No follow-ups: ascending puts the NULLs last, by id; the last page is the highest ids.
    const byFollowUp = await listLeads(manager, {
      filter,
      page_size: 10,
      sort: "follow_up",
      dir: "asc",
      last: true,
    });
    const ids = newest.map((r) => r.id).sort((a, b) => a - b);
    expect(byFollowUp.rows.map((r) => r.id)).toEqual(ids.slice(2));
  });

  it("refuses an offset deeper than 10,000 rows with a 400 that names Next, Previous and Last", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    await expect(listLeads(manager, { filter: {}, page: 102, page_size: 100 })).rejects.toMatchObject({
      status: 400,
      issues: [
        expect.objectContaining({ path: "page", message: expect.stringMatching(/Next, Previous or Last/) }),
      ],
    });
    // 10,000 rows deep is still an offset page; a cursor or Last reaches any depth.
    await expect(listLeads(manager, { filter: {}, page: 101, page_size: 100 })).resolves.toBeTruthy();
    await expect(
      listLeads(manager, { filter: {}, page: 500, page_size: 100, after: "2026-01-01T00:00:00.000Z~5" }),
    ).resolves.toBeTruthy();
  });

  it("finds a company by its whole email address through email_norm, any case", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const tag = uid();
    const company = await makeCompany({ email: `dispatch_${tag}@whole.example` });
    const lead = await makeLead({ companyId: company.id });
    const found = await listLeads(manager, { filter: { q: `  Dispatch_${tag}@WHOLE.example ` } });
    expect(found.rows.map((r) => r.id)).toEqual([lead.id]);
  });
});
