// npm run bench -- ingest [--events 3000] [--connections 32] [--rounds 6] [--max-seconds 240]
//                         [--instances 2] [--huge]
// With --huge (or BENCH_HUGE=1) the throw-away database is a copy of the huge bench database
// (1 000 000 leads, ~10 000 000 actions; made on first use), so the webhook meets big tables and
// big indexes; target there: signed throughput ≥ 0.85 × the bad-signature floor.
// With --instances N (N ≥ 2): one instance against N on one database, side by side
// (scripts/bench/lib/ingest-instances.ts). Without it:
// The lead webhook under load, against the production build and a fresh database of its own:
// signed events (20 % from repeat companies) and the same load with a bad signature (the route's
// floor: read, verify, refuse), alternated in rounds so both meet the same machine. Each kind keeps
// its connections open from the warm-up to the end, as a webhook sender does. Then the
// database is reconciled with what was sent: one activity per accepted event, one receipt each,
// one lead per company, no duplicate company, nothing from a refused request.
import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ChildProcess } from "node:child_process";
import { createLeadEventStream, newWebhookSecret } from "../lib/lead-events";
import { createConnections, latencySummary, post, runLoad, type TAnswer } from "./lib/http-load";
import { admin, databaseBackends, prepare, prepareDatabaseAndBuild, PORT, reconcile, serverEnv, startServer, stopServer, tableTotals } from "./lib/ingest-setup";
import { hugeRequested, prepareHugeDatabase } from "./lib/bench-database";
import { runIngestInstances } from "./lib/ingest-instances";
import { pidsCpu, processGroupCpu } from "./lib/process-cpu";
import { printTable, type TBenchResult } from "./lib/report";

export async function run(args: string[]): Promise<TBenchResult> {
  const { values } = parseArgs({
    args,
    options: {
      events: { type: "string" },
      connections: { type: "string" },
      rounds: { type: "string" },
      "max-seconds": { type: "string" },
      instances: { type: "string" },
      huge: { type: "boolean", default: false },
    },
  });
  const huge = values.huge || hugeRequested(args);
  const targetRatio = huge ? 0.85 : 0.5;
  const total = Number(values.events ?? 3000);
  const connections = Number(values.connections ?? 32);
  const rounds = Math.max(1, Number(values.rounds ?? 6));
  const maxSeconds = Number(values["max-seconds"] ?? 240);
  const instances = Number(values.instances ?? 1);
  if (instances > 1) return runIngestInstances({ instances, total, connections, rounds, maxSeconds });
  const name = `pilot_crm_bench_ingest_${crypto.randomBytes(4).toString("hex")}`;
  const secret = newWebhookSecret();
  let server: ChildProcess | undefined;

  try {
    const template = huge ? new URL((await prepareHugeDatabase()).huge).pathname.slice(1) : undefined;
    const url = await prepareDatabaseAndBuild(name, template);
    const before = await tableTotals(url);
    if (huge) console.log(`copy of ${template}: ${before.sales_leads} leads, ${before.companies} companies`);
    const logFile = path.join(os.tmpdir(), `${name}.log`);
    server = await startServer(serverEnv(url, secret, PORT), logFile);

    // Everything is signed before the clock starts; the run stays well inside the ±5 min window.
    const next = createLeadEventStream({ seed: 42, repeatShare: 0.2 });
    const warm = 100;
    const valid = Array.from({ length: total + warm }, () => prepare(next(), secret));
    const wrongSecret = newWebhookSecret();
    const bad = Array.from({ length: total + warm }, () => prepare(next(), wrongSecret));
    // Each kind keeps its own 32 connections, opened by the warm-up, through all its rounds.
    const open = { valid: createConnections(connections), bad: createConnections(connections) };
    const warmValid = await runLoad(PORT, valid.slice(0, warm), connections, 60, open.valid);
    await runLoad(PORT, bad.slice(0, warm), connections, 60, open.bad);

    // CPU spent by the server and by its database connections: unlike latency, it does not move
    // with what else runs on a shared machine.
    const backends = await databaseBackends(url);
    const cpuNow = () => ({ server: processGroupCpu(server!.pid!), db: pidsCpu(backends) });
    const phase = () => ({ answers: [] as (TAnswer | undefined)[], seconds: 0, serverCpu: 0, dbCpu: 0 });
    const timed = { valid: phase(), bad: phase() };
    const chunk = Math.ceil(total / rounds);
    for (let r = 0; r < rounds; r++) {
      for (const [kind, list] of [["valid", valid], ["bad", bad]] as const) {
        const slice = list.slice(warm + r * chunk, warm + Math.min(total, (r + 1) * chunk));
        const before = cpuNow();
        const result = await runLoad(PORT, slice, connections, maxSeconds / rounds / 2, open[kind]);
        const after = cpuNow();
        timed[kind].answers.push(...result.answers);
        timed[kind].seconds += result.seconds;
        timed[kind].serverCpu += after.server - before.server;
        timed[kind].dbCpu += after.db - before.db;
      }
    }

    open.valid.destroy();
    open.bad.destroy();

    // Replays of accepted events: the sender retries with a fresh signature, same id and body.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const validAnswers = [...warmValid.answers, ...timed.valid.answers];
    const accepted = valid.filter((_, i) => validAnswers[i]?.status === 202);
    let replaysSame = 0;
    const replays = accepted.filter((_, i) => i % 50 === 0);
    await Promise.all(
      replays.map(async (p) => {
        const a = await post(agent, PORT, prepare(p.event, secret, p.id));
        const first = validAnswers[valid.indexOf(p)]!;
        if (a.status === first.status && a.body === first.body) replaysSame++;
      }),
    );
    agent.destroy();

    const recon = await reconcile(url, accepted, bad.map((b) => b.id), before);
    const stats = (kind: "valid" | "bad", want: number) => {
      const answered = timed[kind].answers.filter(Boolean) as TAnswer[];
      return {
        sent: answered.length,
        expected_status: answered.filter((a) => a.status === want).length,
        other_status: answered.filter((a) => a.status !== want).length,
        throughput_rps: Math.round((answered.length / timed[kind].seconds) * 10) / 10,
        ...latencySummary(answered.map((a) => a.ms)),
        server_cpu_ms_per_req: Math.round((timed[kind].serverCpu / answered.length) * 1000 * 100) / 100,
        db_cpu_ms_per_req: Math.round((timed[kind].dbCpu / answered.length) * 1000 * 100) / 100,
      };
    };
    const v = stats("valid", 202);
    const b = stats("bad", 401);
    const ratio = Math.round((v.throughput_rps / b.throughput_rps) * 100) / 100;
    printTable(`lead webhook at ${connections} connections, ${rounds} alternating rounds (ms)`, [
      { requests: "valid (202)", ...v },
      { requests: "bad signature (401)", ...b },
    ]);
    printTable("reconciliation", Object.entries({ ...recon.figures, replays_sent: replays.length, replays_same_answer: replaysSame }).map(([check, value]) => ({ check, value })));
    console.log(`\nvalid/bad-signature throughput ratio ${ratio} (target ≥ ${targetRatio}${huge ? ", huge data present" : ""}); valid p99 ${v.p99} ms (target < 100 ms)`);
    const clean = recon.clean && replaysSame === replays.length && v.other_status === 0 && b.other_status === 0 && v.sent === total && b.sent === total;
    return {
      pass: clean && ratio >= targetRatio && v.p99 < 100,
      figures: { huge, leads_before: before.sales_leads, target_ratio: targetRatio, connections, events: total, valid: v, bad_signature: b, throughput_ratio: ratio, reconciliation: { ...recon.figures, replays: replays.length, replays_same_answer: replaysSame, clean } },
    };
  } finally {
    await stopServer(server);
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
