// npm run bench -- calls
// The call list (one SQL query) for a rep with at least 10 000 open territory leads on the big
// seed, beside the same request on the demo data. Target: p95 under 150 ms at the big size.
// The big database is shared and read-only for us: the 10 000-lead case is set up inside a
// transaction (pending leads in the rep's territory assigned to them) that is rolled back.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { getCallList } from "@/lib/calls/get-call-list";
import { callListQuery } from "@/lib/calls/call-list-query";
import { getLeadPool } from "@/lib/calls/get-lead-pool";
import { getRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { getCompanySettings } from "@/lib/kernel/company-settings";
// Aliased: the React hooks lint rule would take a `use…` call in a loop for a hook.
import { prepareBenchDatabases, useDatabase as pointDbAt } from "./lib/bench-database";
import { printTable, timeRuns, type TBenchResult, type TTiming } from "./lib/report";

const TARGET_P95_MS = 150;
const TARGET_LEADS = 10_000;
const RUNS = 40;

class Rollback extends Error {}

/** The active rep with the most open leads, with their counts. */
async function pickRep() {
  const [rep] = await db.$queryRaw<
    { id: number; name: string; email: string; open: number; territory_open: number }[]
  >`
    WITH reps AS (
      SELECT u.id, u.name, u.email,
             (SELECT count(*)::int FROM sales_leads l WHERE l.assigned_admin_id = u.id AND l.status IN ('assigned', 'in_progress')) AS open,
             (SELECT coalesce(array_agg(DISTINCT s), '{}') FROM territory_members m JOIN territories t ON t.id = m.territory_id,
                     unnest(t.states) s WHERE m.user_id = u.id) AS states
      FROM users u WHERE u.role = 'admin' AND u.active
    )
    SELECT id, name, email, open,
           (SELECT count(*)::int FROM sales_leads l
             WHERE l.assigned_admin_id = reps.id AND l.status IN ('assigned', 'in_progress') AND l.states && reps.states) AS territory_open
    FROM reps ORDER BY open DESC, id LIMIT 1`;
  if (!rep) throw new Error("no active rep in this database");
  const actor: TActor = { id: rep.id, role: "admin", name: rep.name, email: rep.email };
  return { actor, open: rep.open, territoryOpen: rep.territory_open };
}

/** Inside a transaction that is rolled back: the rep gets 10 000 open territory leads; then the query is timed. */
async function timeWithTenThousand(
  actor: TActor,
): Promise<{ timing: TTiming; open: number; territoryOpen: number }> {
  const settings = await getCompanySettings();
  let result: { timing: TTiming; open: number; territoryOpen: number } | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        // Territory leads of other reps and of the pool move to this rep until 10 000 of their
        // open leads lie in their territory (they keep their other open leads too).
        await tx.$executeRaw`
          WITH mine AS (SELECT array_agg(DISTINCT s) AS states FROM territory_members m JOIN territories t ON t.id = m.territory_id,
                        unnest(t.states) s WHERE m.user_id = ${actor.id}),
          need AS (SELECT greatest(0, ${TARGET_LEADS} - count(*))::int AS n FROM sales_leads l, mine
                   WHERE l.assigned_admin_id = ${actor.id} AND l.status IN ('assigned', 'in_progress') AND l.states && mine.states)
          UPDATE sales_leads
          SET assigned_admin_id = ${actor.id}, assigned_at = coalesce(assigned_at, now()),
              status = CASE WHEN status = 'pending' THEN 'assigned'::lead_status ELSE status END
          WHERE id IN (SELECT l.id FROM sales_leads l, mine
                       WHERE l.status IN ('pending', 'assigned', 'in_progress') AND l.assigned_admin_id IS DISTINCT FROM ${actor.id}
                         AND l.states && mine.states
                       ORDER BY l.id LIMIT (SELECT n FROM need))`;
        await tx.$executeRaw`ANALYZE sales_leads`;
        const [c] = await tx.$queryRaw<{ open: number; territory_open: number }[]>`
          WITH mine AS (SELECT array_agg(DISTINCT s) AS states FROM territory_members m JOIN territories t ON t.id = m.territory_id,
                        unnest(t.states) s WHERE m.user_id = ${actor.id})
          SELECT count(*)::int AS open, count(*) FILTER (WHERE l.states && mine.states)::int AS territory_open
          FROM sales_leads l, mine WHERE l.assigned_admin_id = ${actor.id} AND l.status IN ('assigned', 'in_progress')`;
        const run = () => {
          const now = new Date();
          const { start, end } = zonedDayBounds(now, settings.timeZone);
          return tx.$queryRaw(
            callListQuery({
              repId: actor.id,
              now,
              dayStart: start,
              dayEnd: end,
              staleDays: settings.staleDays,
              limit: 100,
            }),
          );
        };
        result = { timing: await timeRuns(run, RUNS), open: c.open, territoryOpen: c.territory_open };
        throw new Rollback();
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result!;
}

async function explain(actor: TActor) {
  const settings = await getCompanySettings();
  const now = new Date();
  const { start, end } = zonedDayBounds(now, settings.timeZone);
  const q = callListQuery({
    repId: actor.id,
    now,
    dayStart: start,
    dayEnd: end,
    staleDays: settings.staleDays,
    limit: 100,
  });
  const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${q}`);
  return (
    rows
      .map((r) => r["QUERY PLAN"])
      .find((l) => /Index|Seq Scan/.test(l) && /sales_leads/.test(l))
      ?.trim() ?? ""
  );
}

export async function run(): Promise<TBenchResult> {
  const urls = await prepareBenchDatabases();
  const table: Record<string, string | number>[] = [];
  const figures: Record<string, unknown> = {};
  for (const [size, url] of Object.entries(urls) as [string, string][]) {
    pointDbAt(url);
    const { actor, open, territoryOpen } = await pickRep();
    const asIs = await timeRuns(() => getCallList(actor, { limit: 100 }), RUNS);
    const pool = await timeRuns(() => getLeadPool(actor, { limit: 50 }), RUNS);
    const metrics = await timeRuns(() => getRepCallMetrics(actor), RUNS);
    table.push({
      size,
      case: `call list, ${actor.name} as seeded`,
      open_leads: open,
      territory_open: territoryOpen,
      ...ms(asIs),
    });
    figures[`${size}_call_list`] = {
      rep: actor.name,
      open_leads: open,
      territory_open_leads: territoryOpen,
      ...asIs,
    };
    if (size === "big") {
      const ten = await timeWithTenThousand(actor);
      table.push({
        size,
        case: `call list, ${actor.name} with ≥${TARGET_LEADS} (rolled back)`,
        open_leads: ten.open,
        territory_open: ten.territoryOpen,
        ...ms(ten.timing),
      });
      figures.big_call_list_10k = {
        rep: actor.name,
        open_leads: ten.open,
        territory_open_leads: ten.territoryOpen,
        ...ten.timing,
      };
      figures.big_plan = await explain(actor);
    }
    table.push({ size, case: "lead pool page 1 (info)", open_leads: "", territory_open: "", ...ms(pool) });
    table.push({ size, case: "rep call metrics (info)", open_leads: "", territory_open: "", ...ms(metrics) });
    figures[`${size}_pool`] = pool;
    figures[`${size}_metrics`] = metrics;
    await db.$disconnect();
  }
  printTable("Call list (one SQL query), ms", table);
  const big = figures.big_call_list_10k as TTiming & { territory_open_leads: number };
  const demo = figures.demo_call_list as TTiming;
  figures.target_p95_ms = TARGET_P95_MS;
  figures.big_vs_demo_p95 = Math.round((big.p95 / demo.p95) * 10) / 10;
  const pass = big.p95 < TARGET_P95_MS && big.territory_open_leads >= TARGET_LEADS;
  console.log(
    `\n${pass ? "PASS" : "FAIL"}: p95 ${big.p95} ms for ${big.territory_open_leads} open territory leads (target < ${TARGET_P95_MS} ms)`,
  );
  return { pass, figures };
}

function ms(t: TTiming) {
  return { p50: t.p50, p95: t.p95, p99: t.p99 };
}
