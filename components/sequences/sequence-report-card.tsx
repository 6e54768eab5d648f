import { ChartCard, type TColumn, type TRow } from "@/components/analytics/chart-card";

/** A table of figures as a ChartCard (CSV download, show data), with one bar per row for the first figure. */
export function SequenceFiguresCard({
  id,
  title,
  description,
  columns,
  rows,
  barKey,
  emptyMessage,
  fileSuffix,
}: {
  id: string;
  title: string;
  description?: string;
  columns: TColumn[];
  rows: TRow[];
  barKey: string;
  emptyMessage: string;
  /** The CSV file's name ends with it: the analytics range, or "all-time" on a sequence's report. */
  fileSuffix: string;
}) {
  const max = Math.max(1, ...rows.map((r) => Number(r[barKey]) || 0));
  const label = columns[0].key;
  return (
    <ChartCard id={id} title={title} description={description} emptyMessage={emptyMessage} isEmpty={rows.length === 0} columns={columns} rows={rows} fileSuffix={fileSuffix}>
      <ul className="space-y-1 text-sm">
        {rows.map((r, i) => (
          <li key={i} className="grid grid-cols-[minmax(0,10rem)_1fr_auto] items-center gap-2">
            <span className="truncate">{String(r[label])}</span>
            <span className="h-3 rounded bg-slate-100" aria-hidden>
              <span className="block h-3 rounded bg-brand-600" style={{ width: `${(100 * (Number(r[barKey]) || 0)) / max}%` }} />
            </span>
            <span className="tabular-nums">
              {Number(r[barKey]) || 0} {columns.find((c) => c.key === barKey)?.label.toLowerCase()}
            </span>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
