import { cappedCount, countLabel } from "@/lib/leads/lead-vocabulary";

// The tab title carries the pool's size, "(3) Lead pool · Pilot CRM" or "(1,000+) Dashboard · …",
// so a rep sees new leads from another tab. The live provider rewrites the title whenever Next
// changes it, so stripping must undo exactly what adding wrote: a prefix it failed to recognise
// ("(1,000+) ", once the pool passed the count's bound) was added again on every rewrite, and the
// title's own mutation observer looped forever and froze the tab (found by `npm run bench --
// pages` on the 100 000-lead database).
const PREFIX = /^\((?:about )?[\d,]+\+?\) /;

/** `title` with the pool's count in front (none for an empty pool), whatever prefix it had. */
export function poolTabTitle(title: string, poolCount: number): string {
  const base = title.replace(PREFIX, "");
  return poolCount > 0 ? `(${countLabel(cappedCount(poolCount))}) ${base}` : base;
}
