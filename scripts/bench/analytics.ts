// npm run bench -- analytics [--runs N] [--ranges last_90,year] [--live all|last_90|none] [--huge]
//                            [--figures funnel,page,…] [--live-figures speed_to_lead,…] [--live-runs N] [--no-refresh]
// p95 of each analytics figure and of the whole page loader (every figure at once, as the page
// calls them), and of the dashboard's data, on the demo database and the big one side by side,
// for the manager's team view; each figure read from its rollup or lead_facts (as the page does)
// and live (as before issue #19) in the same run, so the ratios are measured side by side.
// Refreshes the rollups and counts lead_facts' missing business minutes first (timed), otherwise
// read-only; ends with pg_stat_user_indexes of the tables read.
// --huge measures the 10x database (1 M leads, ~10 M actions) instead of the big one; there the
// live readings take minutes each (--live last_90 or none keeps the run short).
import { spawnSync } from "node:child_process";
import os from "node:os";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { resolveAnalyticsFilter, type TAnalyticsFilter } from "@/lib/analytics/analytics-filter";
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
import { getSpeedToLead } from "@/lib/analytics/get-speed-to-lead";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
import { ANALYTICS_ROLLUPS, type TFigureOptions } from "@/lib/analytics/analytics-rollups";
import { getDashboard } from "@/lib/leads/get-dashboard";
import { getRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { listWaitingLeads } from "@/lib/sla/list-waiting-leads";
import { presetRange } from "@/lib/analytics/analytics-filter";
import { zonedDay } from "@/lib/kernel/zoned-time";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { hugeRequested, prepareBenchDatabases, prepareHugeDatabase, useDatabase as pointDatabaseAt } from "./lib/bench-database";
import { printTable, timeRuns, type TBenchResult, type TTiming } from "./lib/report";

const TARGET_MS = 300;

const FIGURES: Record<string, (actor: TActor, f: TAnalyticsFilter, o?: TFigureOptions) => Promise<unknown>> = {
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
  speed_to_lead: getSpeedToLead,
};

type TRange = "last_90" | "year";
const MODES = ["rollup", "live"] as const;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

// The bench databases are made once and reused: bring them to this branch's migrations (the
// analytics indexes and rollups), and vacuum what the figures read, as autovacuum would on a
// production server (the local one runs without it, which would leave index-only scans fetching
// the heap). Index statistics are reset so the list printed at the end is this run's.
async function prepare(url: string, refresh: boolean) {
  const r = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrating ${url} failed: ${r.stderr || r.stdout}`);
  for (const table of ["sales_leads", "sales_actions", "sales_conversions", "lead_events", "email_messages", "territories", "lead_facts"])
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${table}`);
  const started = performance.now();
  // --no-refresh reads the rollups as the last run left them (at 10x a refresh takes minutes).
  const refreshed = refresh ? await refreshAnalyticsRollups() : [];
  const refreshMs = Math.round(performance.now() - started);
  // Every rollup, refreshed or not (--no-refresh reads what a migration just made), and lead_facts.
  for (const name of [...ANALYTICS_ROLLUPS, ...refreshed.map((v) => v.name)]) await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${name}`);
  await db.$executeRawUnsafe(`SELECT pg_stat_reset()`);
  return { refreshMs, perView: Object.fromEntries(refreshed.map((v) => [v.name, v.durationMs])) };
}

function filterFor(range: TRange, timeZone: string): TAnalyticsFilter {
  if (range === "last_90") return resolveAnalyticsFilter({ range }, { timeZone }).filter;
  const to = zonedDay(new Date(), timeZone);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  return { from, to, timeZone };
}

type TLiveOptions = { ranges: string; only: string[] | null; runs: number };

async function measure(url: string, ranges: TRange[], runs: number, live: TLiveOptions, only: string[] | null, refreshFirst = true) {
  pointDatabaseAt(url);
  const refresh = await prepare(url, refreshFirst);
  const manager = await db.user.findFirstOrThrow({ where: { role: "super_admin", active: true }, orderBy: { id: "asc" } });
  const actor: TActor = { id: manager.id, role: manager.role, name: manager.name, email: manager.email };
  const timeZone = await getCompanyTimeZone();
  const [{ leads, actions }] = await db.$queryRaw<{ leads: number; actions: number }[]>`
    SELECT (SELECT count(*) FROM sales_leads)::int AS leads, (SELECT count(*) FROM sales_actions)::int AS actions`;
  const out: Record<string, Record<string, Record<string, TTiming>>> = {};
  for (const range of ranges) {
    const filter = filterFor(range, timeZone);
    out[range] = {};
    for (const mode of MODES) {
      if (mode === "live" && live.ranges !== "all" && live.ranges !== range) continue;
      const o = { live: mode === "live" };
      const [names, n, warmup] = mode === "live" ? [live.only, live.runs, live.runs === runs ? 2 : 0] : [only, runs, 2];
      const timings: Record<string, TTiming> = {};
      for (const [name, fn] of Object.entries(FIGURES)) if (!names || names.includes(name)) timings[name] = await timeRuns(() => fn(actor, filter, o), n, warmup);
      console.log(`${leads} leads, ${range}, ${mode}: ${Object.entries(timings).map(([n, t]) => `${n} ${t.p95}`).join(", ")}`);
      if (!names || names.includes("page")) timings.page = await timeRuns(() => loadAnalyticsPage(actor, filter, o), n, warmup);
      out[range][mode] = timings;
    }
  }
  // The dashboard's data as app/admin/crm/page.tsx loads it (its speed card: the last 30 days).
  const speedRange = { ...presetRange("last_30", zonedDay(new Date(), timeZone)), timeZone };
  const dashboard = only && !only.includes("dashboard") ? { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN } : await timeRuns(
    () => Promise.all([getDashboard(actor), getRepCallMetrics(actor, {}), listWaitingLeads(actor, {}), getSpeedToLead(actor, speedRange)]),
    runs,
    2,
  );
  const indexes = await db.$queryRaw<{ table: string; index: string; scans: number }[]>`
    SELECT relname AS table, indexrelname AS index, idx_scan::int AS scans FROM pg_stat_user_indexes
    WHERE relname IN ('sales_leads', 'sales_actions', 'sales_conversions', 'lead_events', 'email_messages', 'lead_facts')
       OR relname = ANY (${[...ANALYTICS_ROLLUPS]}::text[])
    ORDER BY relname, indexrelname`;
  return { leads, actions, refresh, timings: out, dashboard, indexes };
}

export async function run(args: string[]): Promise<TBenchResult> {
  const runs = Number(option(args, "runs") ?? 15);
  const ranges = (option(args, "ranges") ?? "last_90,year").split(",") as TRange[];
  const live = option(args, "live") ?? "all";
  // A subset of the figures (and "page", "dashboard"); the live readings may take another subset
  // and fewer runs (without warm-up runs): at 10x some take minutes each.
  const only = option(args, "figures")?.split(",") ?? null;
  const liveRuns = Number(option(args, "live-runs") ?? runs);
  const liveOptions: TLiveOptions = { ranges: live, only: option(args, "live-figures")?.split(",") ?? only, runs: liveRuns };
  const { demo, big } = hugeRequested(args)
    ? await prepareHugeDatabase().then((d) => ({ demo: d.demo, big: d.huge }))
    : await prepareBenchDatabases();
  // Timings on a shared machine depend on what else runs: the load average is reported with them.
  const loadBefore = os.loadavg()[0];
  const results = {
    demo: await measure(demo, ranges, runs, { ...liveOptions, ranges: "all", runs }, only),
    big: await measure(big, ranges, runs, liveOptions, only, !args.includes("--no-refresh")),
  };
  const load = { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100, cores: os.cpus().length };

  let pass = true;
  const rows: Record<string, string | number>[] = [];
  const ratio = (a: number, b: number) => (b > 0 ? `${Math.round((10 * a) / b) / 10}×` : "-");
  for (const range of ranges) {
    for (const name of [...Object.keys(FIGURES), "page"]) {
      const d = results.demo.timings[range].rollup[name];
      const b = results.big.timings[range].rollup[name];
      if (!d || !b) continue;
      const liveTiming = results.big.timings[range].live?.[name];
      const ok = b.p95 < TARGET_MS;
      pass &&= ok;
      rows.push({
        range, figure: name === "page" ? "WHOLE PAGE (every figure at once)" : name, "demo p95": d.p95, "big p50": b.p50, "big p95": b.p95, "big/demo": ratio(b.p95, d.p95),
        "big live p95": liveTiming?.p95 ?? "-", "live/rollup": liveTiming ? ratio(liveTiming.p95, b.p95) : "-", target: TARGET_MS, ok: ok ? "yes" : "NO",
      });
    }
  }
  const dashSkipped = Number.isNaN(results.big.dashboard.p95);
  const dashOk = dashSkipped || results.big.dashboard.p95 < TARGET_MS;
  pass &&= dashOk;
  rows.push({
    range: "dashboard", figure: "page data", "demo p95": results.demo.dashboard.p95, "big p50": results.big.dashboard.p50, "big p95": results.big.dashboard.p95,
    "big/demo": ratio(results.big.dashboard.p95, results.demo.dashboard.p95), "big live p95": "-", "live/rollup": "-", target: TARGET_MS, ok: dashSkipped ? "not run" : dashOk ? "yes" : "NO",
  });
  printTable(
    `analytics: ms per call, manager's team view, ${runs} runs each (demo ${results.demo.leads} leads / ${results.demo.actions} actions; big ${results.big.leads} leads / ${results.big.actions} actions); rollups refreshed in ${results.demo.refresh.refreshMs} ms (demo) and ${results.big.refresh.refreshMs} ms (big); 1-min load average ${load.before} → ${load.after} on ${load.cores} cores`,
    rows,
  );
  printTable("rollup refresh (and lead_facts' business minutes), ms per view (big)", Object.entries(results.big.refresh.perView).map(([view, ms]) => ({ view, ms })));
  printTable("pg_stat_user_indexes on the big database after the run (scans since the run's start)", results.big.indexes);
  return {
    pass,
    figures: {
      runs,
      load_average: load,
      demo: { leads: results.demo.leads, actions: results.demo.actions, refresh_ms: results.demo.refresh },
      big: { leads: results.big.leads, actions: results.big.actions, refresh_ms: results.big.refresh },
      target_ms: TARGET_MS,
      p95_ms: Object.fromEntries(
        ranges.map((range) => [
          range,
          Object.fromEntries(
            Object.keys(results.big.timings[range].rollup).map((name) => [
              name,
              { demo: results.demo.timings[range].rollup[name].p95, big: results.big.timings[range].rollup[name].p95, big_live: results.big.timings[range].live?.[name]?.p95 ?? null },
            ]),
          ),
        ]),
      ),
      dashboard_p95_ms: { demo: results.demo.dashboard.p95, big: results.big.dashboard.p95 },
      indexes_big: results.big.indexes,
    },
  };
}
