"use client";

import { toCsv } from "@/components/analytics/csv";
import { formatValue, type TFormat } from "@/components/analytics/format";
import { ScrollRegion } from "@/components/ui/scroll-region";

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

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One figure: title, chart (or an empty state), a "show data" table and a CSV download of the same rows. */
export function ChartCard({ id, title, description, emptyMessage, isEmpty, columns, rows, fileSuffix, summary, children }: TProps) {
  const headingId = `${id}-title`;
  return (
    <section aria-labelledby={headingId} data-testid={`figure-${id}`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
        </div>
        <button
          type="button"
          onClick={() => download(`${id}-${fileSuffix}.csv`, toCsv(columns, rows))}
          className="rounded border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100"
          aria-label={`Download CSV: ${title}`}
        >
          CSV
        </button>
      </div>
      {summary ? <div className="mt-3">{summary}</div> : null}
      <div className="mt-3">
        {isEmpty ? (
          <p className="rounded border border-dashed border-slate-300 bg-slate-50 p-6 text-center text-sm text-slate-600" data-testid={`empty-${id}`}>
            {emptyMessage}
          </p>
        ) : (
          children
        )}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700 hover:underline">Show data</summary>
        <ScrollRegion label={`Data: ${title}`} className="mt-2">
          <table className="min-w-full text-left tabular-nums" data-testid={`table-${id}`}>
            <caption className="sr-only">{title}</caption>
            <thead className="bg-slate-50">
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="whitespace-nowrap px-2 py-1 font-medium">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className="border-t border-slate-100">
                  {columns.map((c) => (
                    <td key={c.key} className="whitespace-nowrap px-2 py-1">
                      {formatValue(r[c.key], c.format)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}
