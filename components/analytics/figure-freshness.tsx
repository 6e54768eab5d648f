import type { TAnalyticsFreshness } from "@/lib/analytics/analytics-rollups";
import { ago } from "@/lib/calls/describe-call-reason";

/**
 * How fresh each figure is (issue #19): the rollup-backed ones say "as of" their last refresh;
 * a rollup that cannot answer this filter (another time zone, or a lead filter on the hourly
 * action or follow-up rollup) is computed live and said so; the figures not listed are always
 * live (sequences).
 */
export function FigureFreshness({ freshness, now }: { freshness: TAnalyticsFreshness; now: Date }) {
  const live = freshness.filter((f) => !f.asOf).map((f) => f.figure);
  if (live.length === freshness.length)
    return (
      <p data-testid="analytics-freshness" className="text-sm text-slate-600">
        Every figure is computed live.
      </p>
    );
  return (
    <section aria-label="How fresh the figures are" data-testid="analytics-freshness" className="rounded border bg-slate-50 p-2 text-sm text-slate-700">
      <p>
        Sequences are live
        {live.length ? `, and so, for this filter, are: ${live.join(", ")}` : ""}. The others are read from summaries refreshed every 5 minutes:
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {freshness
          .filter((f): f is { figure: string; asOf: Date } => !!f.asOf)
          .map((f) => (
            <li key={f.figure} data-testid="as-of">
              {f.figure}: <time dateTime={f.asOf.toISOString()}>as of {ago(f.asOf, now)}</time>
            </li>
          ))}
      </ul>
    </section>
  );
}
