// Distributions kept as histograms of minute buckets (analytics_speed_daily, migration
// `speed_rollup_and_first_claim`): the edges are analytics_minute_edges() in SQL (the query reads
// them with the counts), bucket b holds the values in (edges[b - 1], edges[b]], bucket 0 exactly 0
// and the last everything above the last edge. Pure: counts in, figures out.

/** A histogram as the rollup keeps it: counts[0] the leads not reached yet, counts[1 + b] bucket b. */
export type TMinuteHistogram = number[];

/** `hi - lo`, position by position: the histogram of a range from two running totals. */
export function subtractHistograms(hi: TMinuteHistogram | null, lo: TMinuteHistogram | null): TMinuteHistogram {
  if (!hi) return [];
  return hi.map((n, i) => n - (lo?.[i] ?? 0));
}

/**
 * The value of rank `k` (0-based, in ascending order) read from the buckets: spread evenly over
 * its bucket's width, as percentile_cont would find it among values spread that way. Exact for
 * bucket 0 (the value 0); the open last bucket reads as its lower edge.
 */
function valueAtRank(buckets: number[], edges: number[], k: number): number {
  let below = 0;
  for (let b = 0; b < buckets.length; b++) {
    const n = buckets[b];
    if (n > 0 && k < below + n) {
      if (b === 0) return 0;
      const lower = edges[b - 1];
      const upper = b < edges.length ? edges[b] : lower;
      return lower + ((upper - lower) * (k - below + 0.5)) / n;
    }
    below += n;
  }
  return edges[edges.length - 1];
}

/** percentile_cont(p) of the values a histogram holds (interpolated between ranks, as SQL does). */
export function histogramPercentile(buckets: number[], edges: number[], p: number): number | null {
  const total = buckets.reduce((s, n) => s + n, 0);
  if (!total) return null;
  const at = p * (total - 1);
  const lo = Math.floor(at);
  const a = valueAtRank(buckets, edges, lo);
  if (at === lo) return a;
  return a + (at - lo) * (valueAtRank(buckets, edges, lo + 1) - a);
}

/** How many values are at most `limit`, which must be one of the edges (else: an error, not a guess). */
export function histogramAtMost(buckets: number[], edges: number[], limit: number): number {
  const j = edges.indexOf(limit);
  if (j < 0) throw new Error(`${limit} is not a bucket edge`);
  return buckets.slice(0, j + 1).reduce((s, n) => s + n, 0);
}

/** The raw figures of one histogram, in the shape the speed figure's SQL returns them. */
export function histogramFigures(h: TMinuteHistogram, edges: number[]) {
  const buckets = h.slice(1);
  return {
    reached: buckets.reduce((s, n) => s + n, 0),
    waiting: h[0] ?? 0,
    median: histogramPercentile(buckets, edges, 0.5),
    p90: histogramPercentile(buckets, edges, 0.9),
    within5: histogramAtMost(buckets, edges, 5),
    within60: histogramAtMost(buckets, edges, 60),
  };
}
