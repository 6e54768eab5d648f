import pg from "pg";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { listLeads, ZListLeads } from "@/lib/leads/list-leads";
import { leadPageSql } from "@/lib/leads/lead-page-sql";
import { leadFilterConditions, ZLeadFilter } from "@/lib/leads/lead-list-filter";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";

// Every query is narrowed to this file's own companies (by a unique search tag), since other test
// files write leads into the same database at the same time.
describe("listLeads", () => {
  const tag = uid();
  let rep: Awaited<ReturnType<typeof makeUser>>["actor"];
  let other: Awaited<ReturnType<typeof makeUser>>["actor"];
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    rep = (await makeUser()).actor;
    other = (await makeUser()).actor;
    const acme = await makeCompany({
      name: `Acme ${tag} Hauling`,
      phone: "+1 512 555 0142",
      usdot: String(900_000_000 + (parseInt(tag, 16) % 99_999_999)),
    });
    const blue = await makeCompany({ name: `Blue ${tag} Transport`, email: `dispatch_${tag}@blue.example` });
    const day = (d: number) => new Date(Date.UTC(2026, 5, 10 + d, 15));
    ids.a = (
      await makeLead({ companyId: acme.id, estimatedValue: 500, createdAt: day(0), states: ["TX", "OK"] })
    ).id;
    ids.b = (
      await makeLead({
        companyId: acme.id,
        estimatedValue: 2500,
        status: "assigned",
        assignedAdminId: rep.id,
        createdAt: day(1),
        leadSource: "quote",
        states: ["CA"],
      })
    ).id;
    ids.c = (
      await makeLead({
        companyId: blue.id,
        estimatedValue: 9000,
        status: "in_progress",
        assignedAdminId: other.id,
        createdAt: day(2),
        states: ["NM", "TX"],
        nextFollowUpAt: day(5),
      })
    ).id;
    ids.d = (
      await makeLead({
        companyId: blue.id,
        estimatedValue: 1200,
        status: "lost",
        assignedAdminId: rep.id,
        createdAt: day(3),
        leadSource: "manual",
        states: ["OK"],
        nextFollowUpAt: day(4),
      })
    ).id;
  });

  const list = (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    listLeads(rep, { filter: { q: tag, ...filter }, ...extra } as never);
  const idsOf = async (filter: Record<string, unknown>, extra?: Record<string, unknown>) =>
    (await list(filter, extra)).rows.map((r) => r.id);

  it("searches company name, email, phone and USDOT", async () => {
    expect(await idsOf({})).toEqual([ids.d, ids.c, ids.b, ids.a]);
    expect(await idsOf({ q: `dispatch_${tag}@` })).toEqual([ids.d, ids.c]);
    const acme = await db.company.findFirstOrThrow({ where: { name: `Acme ${tag} Hauling` } });
    const byDot = await listLeads(rep, { filter: { q: `USDOT ${acme.usdot}` } });
    expect(byDot.rows.map((r) => r.id).sort()).toEqual([ids.a, ids.b].sort());
    const byPhone = await listLeads(rep, {
      filter: { q: "(512) 555-0142", status: "assigned", assigned: "me" },
    });
    expect(byPhone.rows.map((r) => r.id)).toContain(ids.b);
    expect(await idsOf({ q: `${tag}%` })).toEqual([]); // LIKE wildcards are searched for, not obeyed
  });

  it("finds a whole phone number by its E.164, and leaves out the search arms a term cannot match", async () => {
    const mine = { status: "assigned", assigned: "me" };
    // A whole number, however written, is companies.phone_norm by equality; part of one is a pattern.
    for (const q of ["+1 (512) 555-0142", "512.555.0142", "15125550142", "555-0142"])
      expect(await idsOf({ q, ...mine })).toContain(ids.b);
    expect(await idsOf({ q: "+1 (512) 555-0143", ...mine })).not.toContain(ids.b);
    // A name with spaces is found without the email and phone indexes (it can match neither).
    expect(await idsOf({ q: `Acme ${tag} Hauling` })).toEqual([ids.b, ids.a]);
    const arms = (q: string) => leadFilterConditions(rep, ZLeadFilter.parse({ q }))[0].sql;
    expect(arms(`Acme ${tag} Hauling`)).not.toMatch(/c\.email|c\.phone/);
    expect(arms(`dispatch_${tag}@`)).toMatch(/c\.email ILIKE/);
    expect(arms(`dispatch_${tag}@`)).not.toMatch(/c\.phone/);
    expect(arms("(512) 555-0142")).toMatch(/c\.phone_norm = /);
    expect(arms("555-0142")).toMatch(/c\.phone ILIKE/);
  });

  it("finds a term of three words or more by the name's words, with exactly the pattern's matches", async () => {
    // A word of letters only, unique to this run (the tag's digits spelled as letters).
    const word = `Zed${tag.replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;
    const gulf = await makeCompany({ name: `Gulf ${word} Coast Logistics 99851` });
    const lead = (await makeLead({ companyId: gulf.id })).id;
    const found = async (q: string) => (await listLeads(rep, { filter: { q } })).rows.map((r) => r.id);
    // The first word may end a longer one, the last begin one; case does not matter.
    for (const q of [
      `ulf ${word} Coast Logis`,
      `Gulf ${word} Coast Logistics 99851`,
      `${word} COAST logistics`,
    ])
      expect(await found(q)).toEqual([lead]);
    // Every word is in the name, but not as one run: the words find it, the pattern leaves it out.
    expect(await found(`Gulf ${word} Logistics`)).toEqual([]);
    expect(await found(`${word} Coast  Logistics`)).toEqual([]);
    const arms = (q: string) => leadFilterConditions(rep, ZLeadFilter.parse({ q }))[0];
    expect(arms(`Gulf ${word} Coast Logistics 99851`).values).toContain(
      `${word} & Coast & Logistics & 99851:*`,
    );
    // No whole middle word ("I-35" is two lexemes, a two-word term has no middle): the trigram index.
    for (const q of [`Gulf ${word}`, `Gulf I-35 Coast`]) expect(arms(q).sql).not.toMatch(/to_tsvector/);
    // The expression is the index's (migration companies_name_words_idx): the planner can use it.
    const page = leadPageSql(rep, ZListLeads.parse({ filter: { q: `Gulf ${word} Coast Logistics 99851` } }));
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${page}`);
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("companies_name_words_idx");
  });

  it("takes a search's count from its first page when that page holds every match", async () => {
    const queries = jest.spyOn(pg.Client.prototype, "query");
    const found = await list({});
    const texts = queries.mock.calls.map(([q]) => String((q as { text?: string }).text ?? q));
    queries.mockRestore();
    expect(found).toMatchObject({ total: 4, totalIsEstimate: false, hasNextPage: false });
    // One statement, the page: no estimate, no bounded count running the search again.
    expect(texts.filter((t) => /EXPLAIN|count\(\*\)/.test(t))).toEqual([]);
    expect(texts.filter((t) => /WITH page AS/.test(t))).toHaveLength(1);
  });

  it("filters by status, source, assignee, state, created range and value range", async () => {
    expect(await idsOf({ status: "assigned,in_progress" })).toEqual([ids.c, ids.b]);
    expect(await idsOf({ status: ["lost", "pending"] })).toEqual([ids.d, ids.a]);
    expect(await idsOf({ source: "quote,manual" })).toEqual([ids.d, ids.b]);
    expect(await idsOf({ assigned: "me" })).toEqual([ids.d, ids.b]);
    expect(await idsOf({ assigned: "none" })).toEqual([ids.a]);
    expect(await idsOf({ assigned: String(other.id) })).toEqual([ids.c]);
    expect(await idsOf({ state: "tx" })).toEqual([ids.c, ids.a]);
    expect(await idsOf({ created_from: "2026-06-11", created_to: "2026-06-12" })).toEqual([ids.c, ids.b]);
    expect(await idsOf({ value_min: "1200", value_max: "$2,500" })).toEqual([ids.d, ids.b]);
  });

  it("sorts by the indexed columns in both directions, ties broken by id", async () => {
    expect(await idsOf({}, { sort: "value", dir: "desc" })).toEqual([ids.c, ids.b, ids.d, ids.a]);
    expect(await idsOf({}, { sort: "value", dir: "asc" })).toEqual([ids.a, ids.d, ids.b, ids.c]);
    expect(await idsOf({}, { sort: "created", dir: "asc" })).toEqual([ids.a, ids.b, ids.c, ids.d]);
    // Leads with no follow-up come last when sorting by the soonest.
    expect((await idsOf({}, { sort: "follow_up", dir: "asc" })).slice(0, 2)).toEqual([ids.d, ids.c]);
  });

  it("pages on the server and counts exactly for small results", async () => {
    const p1 = await list({}, { page_size: 10 });
    expect(p1).toMatchObject({ total: 4, totalIsEstimate: false, hasNextPage: false, page: 1, pageSize: 10 });
    const row = p1.rows.find((r) => r.id === ids.b)!;
    expect(row).toMatchObject({
      status: "assigned",
      leadSource: "quote",
      estimatedValue: 2500,
      assignee: { id: rep.id, name: rep.name },
      origin: "Austin, TX",
      destination: "Tulsa, OK",
    });
    expect(row.company.name).toBe(`Acme ${tag} Hauling`);
    const many = await makeCompany({ name: `Many ${uid()} Movers` });
    const made = [];
    for (let i = 0; i < 12; i++) made.push((await makeLead({ companyId: many.id })).id);
    const q = many.name;
    const first = await listLeads(rep, { filter: { q }, page_size: 10 });
    const second = await listLeads(rep, { filter: { q }, page: 2, page_size: 10 });
    expect(first).toMatchObject({ total: 12, hasNextPage: true });
    expect(second).toMatchObject({ total: 12, hasNextPage: false });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(made.reverse());
    const beyond = await list({}, { page: 2, page_size: 10 });
    expect(beyond.rows).toEqual([]);
  });

  it.each([
    ["filter.status.0", { filter: { status: "sold" } }],
    ["filter.state", { filter: { state: "ZZ" } }],
    ["filter.created_to", { filter: { created_from: "2026-06-12", created_to: "2026-06-01" } }],
    ["filter.value_max", { filter: { value_min: "100", value_max: "5" } }],
    ["filter.created_from", { filter: { created_from: "June" } }],
    ["filter.assigned", { filter: { assigned: "someone" } }],
    ["sort", { filter: {}, sort: "company" }],
    ["page_size", { filter: {}, page_size: 7 }],
    ["page", { filter: {}, page: 0 }],
  ])("answers 400 naming %s", async (path, input) => {
    await expect(listLeads(rep, input as never)).rejects.toMatchObject({
      status: 400,
      issues: expect.arrayContaining([expect.objectContaining({ path })]),
    });
  });
});
