// npm run bench -- ingest --instances 2: signed lead webhooks against one instance and against
// two (or N) on one database, in one run, side by side. The first instance starts, then the
// others; the rounds then alternate "one" (every connection to the first) and "N" (the
// connections dealt round-robin between the instances, as a balancer would), so both meet the
// same machine and the same database size. Then the database is reconciled with what was sent.
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { createLeadEventStream, newWebhookSecret } from "../../lib/lead-events";
import { createConnections, latencySummary, runLoad, type TAnswer } from "./http-load";
import { admin, PORT, prepare, prepareDatabaseAndBuild, reconcile, serverEnv, startServer, stopServer } from "./ingest-setup";
import { processGroupCpu } from "./process-cpu";
import { printTable, type TBenchResult } from "./report";

type TOptions = { instances: number; total: number; connections: number; rounds: number; maxSeconds: number };

export async function runIngestInstances({ instances, total, connections, rounds, maxSeconds }: TOptions): Promise<TBenchResult> {
  const name = `pilot_crm_bench_ingest_${crypto.randomBytes(4).toString("hex")}`;
  const secret = newWebhookSecret();
  const ports = Array.from({ length: instances }, (_, i) => PORT + i);
  const servers: ChildProcess[] = [];
  try {
    const url = await prepareDatabaseAndBuild(name);
    const next = createLeadEventStream({ seed: 42, repeatShare: 0.2 });
    const warm = 100;
    const events = Array.from({ length: 2 * total + warm * instances }, () => prepare(next(), secret));
    let used = 0;
    const take = (n: number) => events.slice(used, (used += n));
    const answered: { event: (typeof events)[number]; answer: TAnswer | undefined }[] = [];
    const keep = (sent: typeof events, answers: (TAnswer | undefined)[]) => sent.forEach((event, i) => answered.push({ event, answer: answers[i] }));

    // One instance first, warmed up on its own connections; then the others, each warmed up.
    const agent = createConnections(connections);
    for (const port of ports) {
      servers.push(await startServer(serverEnv(url, secret, port), path.join(os.tmpdir(), `${name}-${port}.log`), port));
      const warmUp = take(warm);
      keep(warmUp, (await runLoad(port, warmUp, connections, 60, agent)).answers);
    }

    const cpu = () => servers.reduce((sum, s) => sum + processGroupCpu(s.pid!), 0);
    const phase = () => ({ answers: [] as TAnswer[], seconds: 0, serverCpu: 0 });
    const timed = { one: phase(), many: phase() };
    const chunk = Math.ceil(total / rounds);
    for (let r = 0; r < rounds; r++) {
      for (const kind of ["one", "many"] as const) {
        const slice = take(Math.min(chunk, total - r * chunk));
        const before = cpu();
        const result = await runLoad(kind === "one" ? ports[0] : ports, slice, connections, maxSeconds / rounds / 2, agent);
        timed[kind].serverCpu += cpu() - before;
        timed[kind].seconds += result.seconds;
        timed[kind].answers.push(...(result.answers.filter(Boolean) as TAnswer[]));
        keep(slice, result.answers);
      }
    }
    agent.destroy();

    const stats = (kind: "one" | "many") => {
      const a = timed[kind].answers;
      return {
        instances: kind === "one" ? 1 : instances,
        sent: a.length,
        accepted_202: a.filter((x) => x.status === 202).length,
        other_status: a.filter((x) => x.status !== 202).length,
        events_per_s: Math.round((a.length / timed[kind].seconds) * 10) / 10,
        ...latencySummary(a.map((x) => x.ms)),
        server_cpu_ms_per_req: Math.round((timed[kind].serverCpu / a.length) * 1000 * 100) / 100,
      };
    };
    const one = stats("one");
    const many = stats("many");
    const ratio = Math.round((many.events_per_s / one.events_per_s) * 100) / 100;
    const accepted = answered.filter((x) => x.answer?.status === 202).map((x) => x.event);
    const recon = await reconcile(url, accepted, []);

    printTable(`signed lead webhooks at ${connections} connections, ${rounds} alternating rounds (ms)`, [one, many]);
    printTable("reconciliation", Object.entries(recon.figures).map(([check, value]) => ({ check, value })));
    console.log(
      `\n${instances} instances / 1 instance: ${ratio}× the events/s (${many.events_per_s} vs ${one.events_per_s}) on ${os.cpus().length} cores shared with PostgreSQL and this load generator`,
    );
    const clean = recon.clean && one.other_status === 0 && many.other_status === 0 && accepted.length === answered.length;
    return {
      pass: clean,
      figures: { connections, events_per_phase: total, instances, one_instance: one, n_instances: many, events_per_s_ratio: ratio, reconciliation: { ...recon.figures, clean } },
    };
  } finally {
    for (const s of servers) await stopServer(s);
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
