// Timing one read on two databases (the demo and a big one), alternating run by run, so both
// meet the same machine noise: the workflow and lists benchmarks compare them side by side.
import { percentile } from "./report";
// Renamed on import: the React lint takes any use* call for a hook.
import { useDatabase as pointDbAt } from "./bench-database";

export type TPairStats = { n: number; p50: number; p95: number; p99: number };

export async function timePair<S extends { url: string }>(
  runs: number,
  big: S,
  demo: S,
  fn: (side: S) => Promise<unknown>,
): Promise<{ big: TPairStats; demo: TPairStats }> {
  const times = { big: [] as number[], demo: [] as number[] };
  for (const side of [big, demo, big, demo]) {
    pointDbAt(side.url);
    await fn(side); // warm-up
  }
  for (let i = 0; i < runs; i++) {
    for (const [key, side] of [
      ["big", big],
      ["demo", demo],
    ] as const) {
      pointDbAt(side.url);
      const t = performance.now();
      await fn(side);
      times[key].push(performance.now() - t);
    }
  }
  return { big: stats(times.big), demo: stats(times.demo) };
}

function stats(times: number[]): TPairStats {
  const sorted = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: times.length,
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
  };
}
