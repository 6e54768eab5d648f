// npm run bench -- lists [--huge] [--runs N] [--only TEXT]
// The three lists a rep works from, on the demo (600 leads) and on the big database side by side:
// the leads table (every sort both ways, every filter alone, every search kind, the combinations
// reps use, deep pages), the pool (all / mine / a state, first and deep page) and the call list of
// the rep with the most open leads (every call-status filter, first and deep page). With --huge
// (or BENCH_HUGE=1) the big side is the 10x seed (1 000 000 leads, ~10 000 000 actions, a rep
// with 50 000 open territory leads). Per case: p50/p95 on both, the p95 ratio (target ≤ 1.5), and
// the plan of the big side's query (which scans, on which index; a Seq Scan on a big table is
// named). Then pg_stat_user_indexes of the big side for the lists' tables: idx_scan per index.
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { listLeads, ZListLeads, type TListLeads } from "@/lib/leads/list-leads";
import { leadPageSql } from "@/lib/leads/lead-page-sql";
import {
  getLeadPool,
  leadPoolSql,
  poolRuns,
  territoryStates,
  ZGetLeadPool,
  type TGetLeadPool,
} from "@/lib/calls/get-lead-pool";
import { getCallList, ZGetCallList } from "@/lib/calls/get-call-list";
import { callListQuery } from "@/lib/calls/call-list-query";
import { CALL_LIST_PAGE_SIZE } from "@/lib/calls/call-priority";
import { CALL_STATUSES } from "@/lib/calls/call-status";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
// Renamed on import: the React lint takes any use* call for a hook.
import {
  hugeRequested,
  prepareBenchDatabases,
  prepareHugeDatabase,
  useDatabase as pointDbAt,
} from "./lib/bench-database";
import { printTable, type TBenchResult } from "./lib/report";
import { timePair } from "./lib/time-pair";

const TARGET_RATIO = 1.5;

type TSide = {
  url: string;
  manager: TActor;
  /** The rep with the most open leads (on the huge seed: Sarah, 50 000 in her territory). */
  rep: TActor;
  /** A company in the middle of the table, to search for by name, email, phone and USDOT. */
  company: { name: string; email: string; phone: string; usdot: string };
  leads: number;
  /** Keyset cursors (as the Next link carries them) of the row at 50 % and 99.99 % of the table, newest first, and at 90 % by follow-up ascending. */
  cursors: { middle: string; deepest: string; followUpDeep: string };
  /** The Next cursors of the pool and of the rep's call list 1 000 rows down (null: shorter). */
  poolAt1000: string | null;
  callsAt1000: string | null;
};

type TCase = {
  list: "leads" | "pool" | "calls";
  name: string;
  /** false: no link on any screen leads there (a hand-typed URL); timed and printed, not held to the target. */
  ui?: boolean;
  run: (side: TSide) => Promise<unknown>;
  sql: (side: TSide) => Promise<Prisma.Sql>;
};

function leadsCase(
  name: string,
  input: (side: TSide) => TListLeads,
  as: "manager" | "rep" = "manager",
): TCase {
  return {
    list: "leads",
    name,
    run: (side) => listLeads(side[as], input(side)),
    sql: async (side) => leadPageSql(side[as], ZListLeads.parse(input(side))),
  };
}

function poolCase(name: string, input: (side: TSide) => TGetLeadPool): TCase {
  return {
    list: "pool",
    name,
    run: (side) => getLeadPool(side.rep, input(side)),
    // The page's first run (the only one a page that fills from it reads).
    sql: async (side) => {
      const states = await territoryStates(side.rep.id);
      const data = ZGetLeadPool.parse(input(side));
      return leadPoolSql(states, data, new Date().toISOString(), poolRuns(states, data)[0], data.limit + 1);
    },
  };
}

function callsCase(
  name: string,
  input: (side: TSide) => {
    after?: string;
    callStatus?: (typeof CALL_STATUSES)[number]["key"];
    limit?: number;
  },
): TCase {
  return {
    list: "calls",
    name,
    run: (side) => getCallList(side.rep, { limit: CALL_LIST_PAGE_SIZE, ...input(side) }),
    sql: async (side) => {
      const settings = await getCompanySettings();
      const now = new Date();
      const { start, end } = zonedDayBounds(now, settings.timeZone);
      const i = input(side);
      const status = i.callStatus ? CALL_STATUSES.find((s) => s.key === i.callStatus)!.outcome : undefined;
      return callListQuery({
        repId: side.rep.id,
        now,
        dayStart: start,
        dayEnd: end,
        staleDays: settings.staleDays,
        limit: i.limit ?? CALL_LIST_PAGE_SIZE,
        after: ZGetCallList.parse({ after: i.after }).after,
        outcome: status,
      });
    },
  };
}

const SORTS = ["created", "value", "follow_up", "last_contact"] as const;

const CASES: TCase[] = [
  ...SORTS.flatMap((sort) =>
    (["desc", "asc"] as const).map((dir) =>
      leadsCase(`all, by ${sort} ${dir}`, () => ({ filter: {}, sort, dir })),
    ),
  ),
  leadsCase("status pending", () => ({ filter: { status: "pending" } })),
  leadsCase("status open", () => ({ filter: { status: "assigned,in_progress" } })),
  leadsCase("status converted, by value", () => ({ filter: { status: "converted" }, sort: "value" })),
  leadsCase("source load_plan", () => ({ filter: { source: "load_plan" } })),
  leadsCase("call status not called", () => ({ filter: { call_status: "not_called" } })),
  leadsCase("call status callback", () => ({ filter: { call_status: "callback" }, sort: "last_contact" })),
  leadsCase("assigned to me", () => ({ filter: { assigned: "me" } }), "rep"),
  leadsCase("unassigned", () => ({ filter: { assigned: "none" } })),
  leadsCase("state TX", () => ({ filter: { state: "TX" } })),
  leadsCase("created last 30 days", () => ({
    filter: { created_from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) },
  })),
  leadsCase("value $1–5k, by value", () => ({
    filter: { value_min: "1000", value_max: "5000" },
    sort: "value",
  })),
  leadsCase("haul police or superload", () => ({ filter: { haul: "police_or_superload" } })),
  leadsCase("search company name", (s) => ({ filter: { q: s.company.name } })),
  leadsCase("search common word", () => ({ filter: { q: "Heavy Haul" } })),
  leadsCase("search email", (s) => ({ filter: { q: s.company.email } })),
  leadsCase("search phone digits", (s) => ({ filter: { q: s.company.phone.replace(/\D/g, "").slice(1) } })),
  leadsCase("search USDOT", (s) => ({ filter: { q: s.company.usdot } })),
  leadsCase(
    "my open, by follow-up",
    () => ({ filter: { status: "assigned,in_progress", assigned: "me" }, sort: "follow_up", dir: "asc" }),
    "rep",
  ),
  leadsCase("search + open + by value", () => ({
    filter: { q: "Heavy Haul", status: "assigned,in_progress" },
    sort: "value",
  })),
  leadsCase("state TX, open, by value", () => ({
    filter: { state: "TX", status: "assigned,in_progress" },
    sort: "value",
  })),
  leadsCase("quotes $1–5k, by value", () => ({
    filter: { source: "quote", value_min: "1000", value_max: "5000" },
    sort: "value",
  })),
  // A page by number is a hand-typed ?page= (the table links First, Previous, Next and Last, by
  // keyset): an offset, whose cost grows with its depth by nature. Shown, not held to the target.
  { ...leadsCase("all, newest, page 200 (typed URL)", () => ({ filter: {}, page: 200 })), ui: false },
  {
    ...leadsCase("open, newest, page 200 (typed URL)", () => ({
      filter: { status: "assigned,in_progress" },
      page: 200,
    })),
    ui: false,
  },
  // The deepest page: "Last »" reads it from the end of the order (an offset that deep is refused).
  leadsCase("all, newest, Last » (100/page)", () => ({ filter: {}, page_size: "100", last: "1" })),
  leadsCase("by follow-up asc, Last » (the NULLs)", () => ({
    filter: {},
    sort: "follow_up",
    dir: "asc",
    last: "1",
  })),
  // Next / Previous by keyset (the links carry the cursor): any depth costs what page 2 costs.
  leadsCase("all, newest, Next at 50 % (keyset)", (s) => ({ filter: {}, page: 3, after: s.cursors.middle })),
  leadsCase("all, newest, Next at the end (keyset)", (s) => ({
    filter: {},
    page: 3,
    after: s.cursors.deepest,
  })),
  leadsCase("all, newest, Previous at the end (keyset)", (s) => ({
    filter: {},
    page: 3,
    before: s.cursors.deepest,
  })),
  leadsCase("all, by follow-up asc, Next at 90 % (keyset)", (s) => ({
    filter: {},
    sort: "follow_up",
    dir: "asc",
    page: 3,
    after: s.cursors.followUpDeep,
  })),
  poolCase("pool, all", () => ({})),
  poolCase("pool, mine", () => ({ scope: "mine" })),
  poolCase("pool, state TX", () => ({ state: "TX" })),
  poolCase("pool, all, Next at 1000 (keyset)", (s) => ({ after: s.poolAt1000 ?? undefined })),
  callsCase("call list", () => ({})),
  ...CALL_STATUSES.map((s) => callsCase(`call list, ${s.key}`, () => ({ callStatus: s.key }))),
  callsCase("call list, Next at 1000 (keyset)", (s) => ({ after: s.callsAt1000 ?? undefined })),
  // The demo's busiest rep has 25 rows on the call list, the 10x rep a full page of 100: the same
  // list at 25 rows tells what the data costs apart from the page (no screen asks for 25).
  { ...callsCase("call list, 25 rows (the demo's page)", () => ({ limit: 25 })), ui: false },
];

async function sideOf(url: string): Promise<TSide> {
  pointDbAt(url);
  const manager = (await db.user.findUniqueOrThrow({
    where: { email: "manager@pilot-crm.test" },
    select: { id: true, role: true, name: true, email: true },
  })) as TActor;
  const [rep] = await db.$queryRaw<TActor[]>`
    SELECT u.id, u.role::text AS role, u.name, u.email FROM users u
    WHERE u.role = 'admin' AND u.active
    ORDER BY (SELECT count(*) FROM sales_leads l WHERE l.assigned_admin_id = u.id AND l.status IN ('assigned', 'in_progress')) DESC, u.id
    LIMIT 1`;
  const [company] = await db.$queryRaw<TSide["company"][]>`
    SELECT name, email, phone, usdot FROM companies WHERE email IS NOT NULL AND phone IS NOT NULL AND usdot IS NOT NULL
    ORDER BY id OFFSET (SELECT count(*) / 2 FROM companies) LIMIT 1`;
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM sales_leads`;
  const at = async (order: Prisma.Sql, share: number, column: Prisma.Sql) => {
    const [r] = await db.$queryRaw<{ v: Date | null; id: number }[]>`
      SELECT ${column} AS v, id FROM sales_leads ORDER BY ${order} OFFSET ${Math.floor(n * share)} LIMIT 1`;
    return `${r.v?.toISOString() ?? ""}~${r.id}`;
  };
  const newest = Prisma.sql`created_at DESC, id DESC`;
  const cursors = {
    middle: await at(newest, 0.5, Prisma.sql`created_at`),
    deepest: await at(newest, 1 - 100 / n, Prisma.sql`created_at`),
    followUpDeep: await at(Prisma.sql`next_follow_up_at ASC, id ASC`, 0.9, Prisma.sql`next_follow_up_at`),
  };
  // Follow Next to 1 000 rows down, as a rep clicking through would.
  let poolAt1000: string | null = null;
  let callsAt1000: string | null = null;
  // On the demo the lists are shorter: the last cursor there is the deepest it has.
  for (let i = 0; i < 5; i++) {
    poolAt1000 =
      (await getLeadPool(rep, { limit: 200, after: poolAt1000 ?? undefined })).nextCursor ?? poolAt1000;
    callsAt1000 =
      (await getCallList(rep, { limit: 200, after: callsAt1000 ?? undefined })).nextCursor ?? callsAt1000;
  }
  return { url, manager, rep, company, leads: n, cursors, poolAt1000, callsAt1000 };
}

type TPlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: TPlanNode[];
};
const BIG_TABLES = new Set(["sales_leads", "companies", "sales_actions", "contacts"]);

/** The plan's scans, e.g. "IOS sales_leads_list_created_idx, IS companies_pkey" and "SEQ sales_leads" when one reads a big table whole. */
async function planSummary(sql: Prisma.Sql): Promise<{ text: string; seqOnBig: boolean }> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: TPlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
  );
  const scans = new Set<string>();
  let seqOnBig = false;
  const walk = (n: TPlanNode) => {
    const t = n["Node Type"];
    if (t === "Index Only Scan") scans.add(`IOS ${n["Index Name"]}`);
    else if (t === "Index Scan") scans.add(`IS ${n["Index Name"]}`);
    else if (t === "Bitmap Index Scan") scans.add(`BIS ${n["Index Name"]}`);
    else if (t === "Seq Scan" && n["Relation Name"] && BIG_TABLES.has(n["Relation Name"])) {
      scans.add(`SEQ ${n["Relation Name"]}`);
      seqOnBig = true;
    }
    n.Plans?.forEach(walk);
  };
  walk(row["QUERY PLAN"][0].Plan);
  return { text: [...scans].join(", "), seqOnBig };
}

async function indexUsage(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`
    SELECT relname AS "table", indexrelname AS "index", idx_scan AS scans
    FROM pg_stat_user_indexes WHERE relname IN ('sales_leads', 'companies', 'contacts', 'territories', 'territory_members')
    ORDER BY relname, idx_scan DESC, indexrelname`);
  await c.end();
  return r.rows as { table: string; index: string; scans: string }[];
}

async function resetStats(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`SELECT pg_stat_reset()`);
  await c.end();
}

export async function run(args: string[]): Promise<TBenchResult> {
  const huge = hugeRequested(args);
  const runsAt = args.indexOf("--runs");
  // 100: at 2–6 ms a p95 of 20 runs is the second-slowest run, and one scheduler or GC pause moved
  // cases across the target between back-to-back runs (40 runs still did); 100 cost ~40 s more.
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 100;
  // --only TEXT: the cases whose list or name contains TEXT ("calls", "search"), to work on one list.
  const onlyAt = args.indexOf("--only");
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const cases = only ? CASES.filter((c) => c.list === only || c.name.includes(only)) : CASES;
  const urls = huge ? await prepareHugeDatabase() : await prepareBenchDatabases();
  const bigUrl = "huge" in urls ? urls.huge : urls.big;
  const demo = await sideOf(urls.demo);
  const big = await sideOf(bigUrl);
  await resetStats(bigUrl);
  console.log(
    `demo: ${demo.leads} leads; ${huge ? "huge" : "big"}: ${big.leads} leads; rep ${big.rep.email}; ${runs} runs per case, alternating`,
  );

  const rows: Record<string, string | number>[] = [];
  const figures: Record<string, unknown> = {};
  for (const c of cases) {
    const t = await timePair(runs, big, demo, c.run);
    // Rows on the page each side returns: a list whose demo page is short (the demo's busiest rep
    // holds 56 open leads, a few per call status) does less work per request than a full page.
    const pageRows = async (side: TSide) => {
      pointDbAt(side.url);
      return ((await c.run(side)) as { rows?: unknown[] }).rows?.length ?? 0;
    };
    const shown = `${await pageRows(demo)}/${await pageRows(big)}`;
    pointDbAt(big.url);
    const plan = await planSummary(await c.sql(big));
    // A demo p95 under 2 ms is noise-sized: the ratio is taken against at least 2 ms.
    const ratio = Math.round((t.big.p95 / Math.max(2, t.demo.p95)) * 100) / 100;
    rows.push({
      list: c.list,
      case: c.name,
      "demo p95": t.demo.p95,
      "big p50": t.big.p50,
      "big p95": t.big.p95,
      ratio,
      ok: c.ui === false ? "n/a" : ratio <= TARGET_RATIO ? "yes" : "NO",
      "rows demo/big": shown,
      "plan (big)": plan.text,
    });
    figures[`${c.list}: ${c.name}`] = {
      demo: t.demo,
      big: t.big,
      ratio,
      rows: shown,
      plan: plan.text,
      seq_on_big_table: plan.seqOnBig,
    };
    console.log(
      `  ${c.list.padEnd(5)} ${c.name.padEnd(36)} demo p95 ${String(t.demo.p95).padStart(7)}  big p95 ${String(t.big.p95).padStart(8)}  x${ratio}`,
    );
  }
  printTable(`Lists (ms; p95 ratio big/demo, target ≤ ${TARGET_RATIO}; demo p95 floored at 2 ms)`, rows);

  const usage = await indexUsage(bigUrl);
  printTable("pg_stat_user_indexes on the big side after the bench (idx_scan)", usage);

  const misses = rows.filter((r) => r.ok === "NO").map((r) => `${r.list}: ${r.case}`);
  await db.$disconnect();
  return {
    pass: misses.length === 0,
    figures: {
      huge,
      leads: { demo: demo.leads, big: big.leads },
      cases: figures,
      misses,
      index_usage: usage,
    },
  };
}
