// npm run bench -- analytics [--runs N] [--ranges last_30,last_90]
// p95 of each analytics figure's query and of the whole page loader (every figure at once, as the
// page calls them), on the demo database and the big one (100 000 leads, 1 000 000 actions) side
// by side, for the manager's team view. Read-only.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { resolveAnalyticsFilter, type TAnalyticsFilter, type TRangePreset } from "@/lib/analytics/analytics-filter";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { getCallHeatmap } from "@/lib/analytics/get-call-heatmap";
import { getConversionFunnel } from "@/lib/analytics/get-conversion-funnel";
import { getFollowUpEffectiveness } from "@/lib/analytics/get-follow-up-effectiveness";
import { getLeadsBySource } from "@/lib/analytics/get-leads-by-source";
import { getPipelineByStatus } from "@/lib/analytics/get-pipeline-by-status";
import { getPipelineForecast } from "@/lib/analytics/get-pipeline-forecast";
import { getRepPerformance } from "@/lib/analytics/get-rep-performance";
import { getRepProductivity } from "@/lib/analytics/get-rep-productivity";
import { getRevenueByMonth } from "@/lib/analytics/get-revenue-by-month";
import { getTerritoryComparison } from "@/lib/analytics/get-territory-comparison";
import { getTimeToConversion } from "@/lib/analytics/get-time-to-conversion";
import { loadAnalyticsPage } from "@/lib/analytics/load-analytics-page";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { prepareBenchDatabases, useDatabase as pointDatabaseAt } from "./lib/bench-database";
import { printTable, timeRuns, type TBenchResult, type TTiming } from "./lib/report";

const FIGURE_TARGET_MS = 300;
const PAGE_TARGET_MS = 1000;

const FIGURES: Record<string, (actor: TActor, f: TAnalyticsFilter) => Promise<unknown>> = {
  rep_performance: getRepPerformance,
  leads_by_source: getLeadsBySource,
  revenue_by_month: getRevenueByMonth,
  funnel: getConversionFunnel,
  time_to_conversion: getTimeToConversion,
  follow_up_effectiveness: getFollowUpEffectiveness,
  call_heatmap: getCallHeatmap,
  territory_comparison: getTerritoryComparison,
  pipeline_by_status: getPipelineByStatus,
  pipeline_forecast: getPipelineForecast,
  rep_productivity: getRepProductivity,
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

// The bench databases are made once and reused: bring them to this branch's migrations (the
// analytics indexes), and vacuum what the figures read, as autovacuum would on a production
// server (the local one runs without it, which would leave index-only scans fetching the heap).
async function prepare(url: string) {
  const r = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrating ${url} failed: ${r.stderr || r.stdout}`);
  for (const table of ["sales_leads", "sales_actions", "sales_conversions", "lead_events", "email_messages", "territories"])
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${table}`);
}

async function measure(url: string, ranges: TRangePreset[], runs: number) {
  pointDatabaseAt(url);
  await prepare(url);
  const manager = await db.user.findFirstOrThrow({ where: { role: "super_admin", active: true }, orderBy: { id: "asc" } });
  const actor: TActor = { id: manager.id, role: manager.role, name: manager.name, email: manager.email };
  const timeZone = await getCompanyTimeZone();
  const [{ leads, actions }] = await db.$queryRaw<{ leads: number; actions: number }[]>`
    SELECT (SELECT count(*) FROM sales_leads)::int AS leads, (SELECT count(*) FROM sales_actions)::int AS actions`;
  const out: Record<string, Record<string, TTiming>> = {};
  for (const range of ranges) {
    const { filter } = resolveAnalyticsFilter({ range }, { timeZone });
    const timings: Record<string, TTiming> = {};
    for (const [name, fn] of Object.entries(FIGURES)) timings[name] = await timeRuns(() => fn(actor, filter), runs, 2);
    timings.page = await timeRuns(() => loadAnalyticsPage(actor, filter), runs, 2);
    out[range] = timings;
  }
  return { leads, actions, timings: out };
}

export async function run(args: string[]): Promise<TBenchResult> {
  const runs = Number(option(args, "runs") ?? 30);
  const ranges = (option(args, "ranges") ?? "last_30,last_90").split(",") as TRangePreset[];
  const { demo, big } = await prepareBenchDatabases();
  // Timings on a shared machine depend on what else runs: the load average is reported with them.
  const loadBefore = os.loadavg()[0];
  const results = { demo: await measure(demo, ranges, runs), big: await measure(big, ranges, runs) };
  const load = { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100, cores: os.cpus().length };

  let pass = true;
  const rows: Record<string, string | number>[] = [];
  for (const range of ranges) {
    for (const name of [...Object.keys(FIGURES), "page"]) {
      const d = results.demo.timings[range][name];
      const b = results.big.timings[range][name];
      const target = name === "page" ? PAGE_TARGET_MS : FIGURE_TARGET_MS;
      const ok = b.p95 < target;
      pass &&= ok;
      rows.push({ range, figure: name, "demo p50": d.p50, "demo p95": d.p95, "big p50": b.p50, "big p95": b.p95, target, ok: ok ? "yes" : "NO" });
    }
  }
  printTable(
    `analytics: ms per call, manager's team view, ${runs} runs each (demo ${results.demo.leads} leads / ${results.demo.actions} actions; big ${results.big.leads} leads / ${results.big.actions} actions); 1-min load average ${load.before} → ${load.after} on ${load.cores} cores`,
    rows,
  );
  return {
    pass,
    figures: {
      runs,
      load_average: load,
      demo: { leads: results.demo.leads, actions: results.demo.actions },
      big: { leads: results.big.leads, actions: results.big.actions },
      targets_ms: { figure_p95: FIGURE_TARGET_MS, page_p95: PAGE_TARGET_MS },
      p95_ms: Object.fromEntries(
        ranges.map((range) => [
          range,
          Object.fromEntries(
            Object.keys(results.big.timings[range]).map((name) => [name, { demo: results.demo.timings[range][name].p95, big: results.big.timings[range][name].p95 }]),
          ),
        ]),
      ),
    },
  };
}
