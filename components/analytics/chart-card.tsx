import { CsvButton } from "@/components/analytics/csv-button";
import { formatValue, type TFormat } from "@/components/analytics/format";
import { DataTable, Td, Th, THead, Tr } from "@/components/ui/data-table";

export type TColumn = { key: string; label: string; format?: TFormat };
export type TRow = Record<string, string | number | null>;

type TProps = {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** Shown instead of the chart when there is nothing to draw: says what would fill it. */
  emptyMessage: string;
  isEmpty: boolean;
  columns: TColumn[];
  rows: TRow[];
  /** Part of the CSV file's name, e.g. the range. */
  fileSuffix: string;
  summary?: React.ReactNode;
  children: React.ReactNode;
};

/**
 * One figure: title, chart (or an empty state), a "show data" table and a CSV download of the same rows.
 * A server component (the table is plain HTML); used inside a client card it simply runs there too.
 */
export function ChartCard({
  id,
  title,
  description,
  emptyMessage,
  isEmpty,
  columns,
  rows,
  fileSuffix,
  summary,
  children,
}: TProps) {
  const headingId = `${id}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`figure-${id}`}
      className="min-w-0 rounded-lg border bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
        </div>
        <CsvButton fileName={`${id}-${fileSuffix}.csv`} title={title} columns={columns} rows={rows} />
      </div>
      {summary ? <div className="mt-3">{summary}</div> : null}
      <div className="mt-3">
        {isEmpty ? (
          <p
            className="rounded border border-dashed border-slate-300 bg-slate-50 p-6 text-center text-sm text-slate-600"
            data-testid={`empty-${id}`}
          >
            {emptyMessage}
          </p>
        ) : (
          children
        )}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700 hover:underline">Show data</summary>
        <div className="mt-2">
          <DataTable framed={false} className="tabular-nums" data-testid={`table-${id}`} caption={title}>
            <THead>
              <tr>
                {columns.map((c) => (
                  <Th key={c.key} compact className="whitespace-nowrap">
                    {c.label}
                  </Th>
                ))}
              </tr>
            </THead>
            <tbody>
              {rows.map((r, i) => (
                <Tr key={i}>
                  {columns.map((c) => (
                    <Td key={c.key} compact className="whitespace-nowrap">
                      {formatValue(r[c.key], c.format)}
                    </Td>
                  ))}
                </Tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      </details>
    </section>
  );
}
