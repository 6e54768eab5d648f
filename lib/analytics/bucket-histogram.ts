// Distributions kept as histograms of buckets between edges, read back as figures. Two kinds:
// - minutes (analytics_speed_daily, edges analytics_minute_edges()): bucket b holds the values in
//   (edges[b - 1], edges[b]], bucket 0 exactly 0, the last everything above the last edge;
// - days (analytics_conversion_time_daily, edges analytics_day_edges(), width_bucket): bucket b
//   holds [edges[b - 1], edges[b]), the last everything from the last edge on.
// The queries read the edges from SQL with the counts (one owner). Pure: counts in, figures out.

/** A minute histogram as the speed rollup keeps it: counts[0] the leads not reached yet, counts[1 + b] bucket b. */
export type TMinuteHistogram = number[];

/** `hi - lo`, position by position: the histogram of a range from two running totals. */
export function subtractHistograms(hi: TMinuteHistogram | null, lo: TMinuteHistogram | null): TMinuteHistogram {
  if (!hi) return [];
  return hi.map((n, i) => n - (lo?.[i] ?? 0));
}

/**
 * The value of rank `k` (0-based, in ascending order) read from the buckets: spread evenly over
 * its bucket's width, as percentile_cont would find it among values spread that way. Exact for
 * bucket 0 (the value 0); the open last bucket reads as its lower edge. Both kinds alike: they
 * differ only in which bucket a value on an edge falls in.
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

/**
 * How many values are in the buckets up to edge `limit` (which must be one of the edges, else an
 * error, not a guess): at most `limit` in a minute histogram, below it in a day histogram.
 */
export function histogramUpTo(buckets: number[], edges: number[], limit: number): number {
  const j = edges.indexOf(limit);
  if (j < 0) throw new Error(`${limit} is not a bucket edge`);
  return buckets.slice(0, j + 1).reduce((s, n) => s + n, 0);
}

/** The raw figures of one minute histogram, in the shape the speed figure's SQL returns them. */
export function minuteHistogramFigures(h: TMinuteHistogram, edges: number[]) {
  const buckets = h.slice(1);
  return {
    reached: buckets.reduce((s, n) => s + n, 0),
    waiting: h[0] ?? 0,
    median: histogramPercentile(buckets, edges, 0.5),
    p90: histogramPercentile(buckets, edges, 0.9),
    within5: histogramUpTo(buckets, edges, 5),
    within60: histogramUpTo(buckets, edges, 60),
  };
}
