"use client";

import type { TCsvColumn } from "@/lib/kernel/csv";

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

/** A figure's CSV download. The writer (csv-stringify) is fetched on the click, not with the page. */
export function CsvButton({
  fileName,
  title,
  columns,
  rows,
}: {
  fileName: string;
  title: string;
  columns: TCsvColumn[];
  rows: Record<string, unknown>[];
}) {
  return (
    <button
      type="button"
      onClick={async () => {
        const { toCsv } = await import("@/lib/kernel/csv");
        download(fileName, toCsv(columns, rows));
      }}
      className="rounded border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100"
      aria-label={`Download CSV: ${title}`}
    >
      CSV
    </button>
  );
}
