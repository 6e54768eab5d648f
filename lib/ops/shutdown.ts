import { logger } from "@/lib/logger";

// What a process must finish before it exits, registered by the module that owns it and run by
// server.ts after the last in-flight request has been answered. Phases run in this order, the
// hooks of one phase together:
//   streams   requests that never end by themselves (the live event streams, lib/live/): run at
//             once when shutdown begins, since server.ts waits for every request to finish
//   work      work the answered requests started (the ingest group commit's last batch)
//   jobs      the job runner: stopJobRunner() from lib/jobs/job-runner.ts lets the running job
//             finish or hands it back (registered where the runner is started)
//   database  the pools, last, once nothing above needs them
// Shared on globalThis: server.ts and Next's compiled bundle each load their own copy of this file.
export type TShutdownPhase = "streams" | "work" | "jobs" | "database";
const PHASES: TShutdownPhase[] = ["work", "jobs", "database"];

type THook = { phase: TShutdownPhase; run: () => Promise<unknown> };
type TState = { stopping: boolean; deadline?: number; hooks: Map<string, THook> };
const KEY = Symbol.for("pilot-crm.shutdown");
const globalForShutdown = globalThis as unknown as { [KEY]?: TState };
const state: TState = (globalForShutdown[KEY] ??= { stopping: false, hooks: new Map() });

/** Registers (or replaces, by name) what to finish on shutdown. */
export function onShutdown(phase: TShutdownPhase, name: string, run: () => Promise<unknown>): void {
  state.hooks.set(name, { phase, run });
}

/** True once SIGTERM arrived: readiness answers 503 so load balancers send nothing new. */
export function isShuttingDown(): boolean {
  return state.stopping;
}

/**
 * Marks the process as stopping and ends the never-ending requests (the `streams` phase) at once,
 * so their clients reconnect to another instance while this one drains. `deadline` (Date.now()
 * based): when the process exits no matter what (server.ts's budget).
 */
export function beginShutdown(deadline?: number): void {
  state.stopping = true;
  state.deadline = deadline;
  void runPhase("streams");
}

/** Milliseconds until the shutdown deadline; Infinity when there is none (or no shutdown yet). */
export function shutdownTimeLeftMs(): number {
  return state.deadline === undefined ? Infinity : state.deadline - Date.now();
}

async function runPhase(phase: TShutdownPhase): Promise<void> {
  const hooks = [...state.hooks].filter(([, h]) => h.phase === phase);
  await Promise.all(
    hooks.map(async ([name, h]) => {
      const started = performance.now();
      try {
        await h.run();
        logger.info({ hook: name, ms: Math.round(performance.now() - started) }, "shutdown step done");
      } catch (err) {
        logger.error({ err, hook: name }, "shutdown step failed");
      }
    }),
  );
}

/** Runs every hook after `streams`, phase by phase; a failing hook is logged and does not stop the others. */
export async function runShutdownHooks(): Promise<void> {
  for (const phase of PHASES) await runPhase(phase);
}
