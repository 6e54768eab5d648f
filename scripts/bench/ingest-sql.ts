// npm run bench -- ingest-sql [--events 100] [--rounds 3] [--explain] [--huge]
// The database's own cost of one lead event, without HTTP or Node: ingest_lead_events_live() (what
// lib/ingest/submit-lead-event.ts sends) for a batch of new-company events (one in five a second
// event of the company before it, one in five a location share, priced by the database), in a
// transaction that is rolled back, on the demo database and on the big one (--huge: the 10x one),
// alternating round by round. Per event: the backend's CPU (/proc/<pid>/stat, so the figure moves
// less with what else runs than wall time does) and wall time. With --explain, auto_explain logs
// every nested statement of one more batch (ANALYZE, BUFFERS) and the bench prints, per
// statement, calls and shared buffers, on both databases: the statements whose buffers grow with
// the data are the ones to index or narrow (issue #19: the signed webhook at a million leads).
import fs from "node:fs";
import pg from "pg";
import { hugeRequested, prepareBenchDatabases, prepareHugeDatabase } from "./lib/bench-database";
import { printTable, type TBenchResult } from "./lib/report";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

// $1 a tag that makes the batch's companies new, $2 the number of events.
const BATCH_SQL = `SELECT count(*) FROM ingest_lead_events_live(
  (SELECT jsonb_agg(jsonb_build_object('webhook_id', 'msg_explain_' || g0 || '_' || $1::text, 'body_sha256', 'x', 'source', src,
     'payload', jsonb_build_object('type',src,'occurred_at', now(), 'company', jsonb_build_object(
        'external_id', 'ext_explain_' || g || '_' || $1::text, 'name', 'Explain Co ' || g, 'email', 'explain' || g || '_' || $1::text || '@example.com',
        'phone', '+1512555' || lpad(g::text, 4, '0'), 'phone_e164', '+1512555' || lpad(g::text, 4, '0'),
        'usdot', (90000000 + g * 7 + length($1::text))::text, 'mc_number', 'MC-' || (900000 + g)::text, 'city', 'Austin', 'state', 'TX'),
        'data', '{}'::jsonb),
     'occurred_at', now(), 'value', CASE WHEN src = 'quote' THEN 1500 END, 'stated_value', null, 'states', '["TX","OK"]'::jsonb, 'haul', null))
   FROM (SELECT g0 AS g0, CASE WHEN g0 % 5 = 1 THEN g0 - 1 ELSE g0 END AS g,
                CASE WHEN g0 % 5 = 0 THEN 'location_share' ELSE 'quote' END AS src FROM generate_series(1, $2::int) g0) e), 60, 25)`;

type TRound = { cpuMsPerEvent: number; wallMsPerEvent: number };

async function measure(url: string, tag: string, events: number, explain: boolean): Promise<{ round: TRound; statements: Map<string, { calls: number; buffers: number }> }> {
  const c = new pg.Client({ connectionString: url });
  const statements = new Map<string, { calls: number; buffers: number }>();
  c.on("notice", (n) => {
    const text = String(n.message ?? "");
    const query = /Query Text: (.*)/.exec(text)?.[1]?.trim().slice(0, 90) ?? "?";
    const buffers = /Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?/.exec(text);
    const s = statements.get(query) ?? { calls: 0, buffers: 0 };
    s.calls++;
    s.buffers += Number(buffers?.[1] ?? 0) + Number(buffers?.[2] ?? 0);
    statements.set(query, s);
  });
  await c.connect();
  try {
    const pid = (await c.query<{ p: number }>("SELECT pg_backend_pid() AS p")).rows[0].p;
    const ticks = () => {
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(f[11]) + Number(f[12]);
    };
    if (explain) {
      await c.query("LOAD 'auto_explain'");
      for (const s of ["log_min_duration = 0", "log_analyze = on", "log_buffers = on", "log_nested_statements = on", "log_timing = off", "log_level = 'notice'"]) {
        await c.query(`SET auto_explain.${s}`);
      }
      await c.query("SET client_min_messages = notice");
    }
    await c.query("BEGIN");
    const t0 = ticks();
    const w0 = performance.now();
    await c.query(BATCH_SQL, [tag, events]);
    const t1 = ticks();
    const w1 = performance.now();
    await c.query("ROLLBACK");
    // Clock ticks are 10 ms (USER_HZ 100 on Linux).
    return { round: { cpuMsPerEvent: ((t1 - t0) * 10) / events, wallMsPerEvent: (w1 - w0) / events }, statements };
  } finally {
    await c.end();
  }
}

export async function run(args: string[]): Promise<TBenchResult> {
  const events = Number(option(args, "events") ?? 100);
  const rounds = Number(option(args, "rounds") ?? 3);
  const huge = hugeRequested(args);
  const { demo, big } = huge ? await prepareHugeDatabase().then((d) => ({ demo: d.demo, big: d.huge })) : await prepareBenchDatabases();
  const tag = `b${Date.now().toString(36)}`;
  const sides = { demo: [] as TRound[], big: [] as TRound[] };
  // One warm-up batch each (plans cached, then generic, as on a server's long-lived connection).
  for (const [side, url] of [["demo", demo], ["big", big]] as const) await measure(url, `${tag}w${side}`, 10, false);
  for (let r = 0; r < rounds; r++) {
    for (const [side, url] of [["demo", demo], ["big", big]] as const) sides[side].push((await measure(url, `${tag}r${r}${side}`, events, false)).round);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fig = (side: "demo" | "big") => ({
    cpu_ms_per_event: Math.round(median(sides[side].map((x) => x.cpuMsPerEvent)) * 100) / 100,
    wall_ms_per_event: Math.round(median(sides[side].map((x) => x.wallMsPerEvent)) * 100) / 100,
  });
  const figures = { demo: fig("demo"), big: fig("big") };
  const label = huge ? "huge (10x)" : "big";
  printTable(`ingest_lead_events_live(): ${events} events a batch, rolled back, median of ${rounds} rounds (ms per event)`, [
    { database: "demo", ...figures.demo },
    { database: label, ...figures.big, "cpu vs demo": `${Math.round((10 * figures.big.cpu_ms_per_event) / Math.max(figures.demo.cpu_ms_per_event, 0.01)) / 10}×` },
  ]);
  if (args.includes("--explain")) {
    const [d, b] = [await measure(demo, `${tag}xd`, events, true), await measure(big, `${tag}xb`, events, true)];
    const rows = [...b.statements.entries()]
      .map(([query, s]) => ({ statement: query, calls: s.calls, "buffers/call big": Math.round(s.buffers / s.calls), "buffers/call demo": d.statements.get(query) ? Math.round(d.statements.get(query)!.buffers / d.statements.get(query)!.calls) : "-" }))
      .sort((x, y) => y["buffers/call big"] * y.calls - x["buffers/call big"] * x.calls)
      .slice(0, 25);
    printTable(`auto_explain: shared buffers (hit + read) per nested statement, ${label} vs demo, heaviest first`, rows);
  }
  return { pass: true, figures: { huge, events, rounds, ...figures } };
}
