import { ScrollRegion } from "@/components/ui/scroll-region";

// The table shell every list uses: a bordered, horizontally scrollable box (a focusable, named
// region: see scroll-region.tsx), a captioned table, the header band and row lines. Cells stay
// the caller's; the look lives here.

type TChildren = { children?: React.ReactNode; className?: string };

export function DataTable({
  caption,
  children,
  className = "",
  framed = true,
  ...table
}: React.TableHTMLAttributes<HTMLTableElement> & {
  /** Read by screen readers only: what the rows are. */
  caption?: string;
  /** false inside a card that already draws the border. */
  framed?: boolean;
  "data-testid"?: string;
}) {
  return (
    <ScrollRegion label={caption ?? "Table"} className={framed ? "rounded-lg border bg-white" : ""}>
      <table {...table} className={`min-w-full text-sm ${className}`}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </ScrollRegion>
  );
}

export function THead({ children }: TChildren) {
  return <thead className="bg-slate-50 text-left">{children}</thead>;
}

// Padding is chosen here, never overridden by a caller's class (two paddings in one class list
// leave the winner to the stylesheet's order).
const pad = (compact?: boolean) => (compact ? "px-2 py-1" : "px-3 py-2");

type TCellOptions = { numeric?: boolean; compact?: boolean };

/** A column header; `numeric` right-aligns it like its cells, `compact` for dense figures. */
export function Th({
  children,
  numeric,
  compact,
  className = "",
  ...th
}: React.ThHTMLAttributes<HTMLTableCellElement> & TCellOptions) {
  return (
    <th scope="col" {...th} className={`${pad(compact)} font-medium ${numeric ? "text-right" : ""} ${className}`}>
      {children}
    </th>
  );
}

export function Tr({ children, className = "", ...tr }: React.HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string }) {
  return (
    <tr {...tr} className={`border-t ${className}`}>
      {children}
    </tr>
  );
}

/** A cell; `numeric` right-aligns with tabular figures. */
export function Td({
  children,
  numeric,
  compact,
  className = "",
  ...td
}: React.TdHTMLAttributes<HTMLTableCellElement> & TCellOptions) {
  return (
    <td {...td} className={`${pad(compact)} ${numeric ? "text-right tabular-nums" : ""} ${className}`}>
      {children}
    </td>
  );
}

/** The header of a column of row buttons: named for screen readers, empty on screen. */
export function ActionsTh() {
  return (
    <Th>
      <span className="sr-only">Actions</span>
    </Th>
  );
}

/** A row header cell (the row's name). */
export function RowTh({ children, compact, className = "" }: TChildren & { compact?: boolean }) {
  return (
    <th scope="row" className={`${pad(compact)} text-left font-medium ${className}`}>
      {children}
    </th>
  );
}

/** The one row shown when there is nothing to list. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-8 text-center text-slate-600">
        {children}
      </td>
    </tr>
  );
}
