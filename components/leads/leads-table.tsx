"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import type { TFormAction } from "@/lib/action-state";
import type { TLeadList, TLeadListRow } from "@/lib/leads/list-leads";
import type { TBulkResult } from "@/lib/leads/run-bulk-lead-action";
import { SOURCE_LABELS, type TLeadSort } from "@/lib/leads/lead-vocabulary";
import { callStatusLabel } from "@/lib/calls/call-status";
import type { TAssignee } from "@/components/leads/assign-lead-form";
import { BulkActionBar } from "@/components/leads/bulk-action-bar";
import type { TEnrolResult } from "@/lib/sequences/enrol-leads";
import { formatMoney } from "@/components/leads/format";
import { LeadsPagination } from "@/components/leads/leads-pagination";
import { StatusBadge } from "@/components/leads/status-badge";
import { DataTable, EmptyRow, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { ZonedTime } from "@/components/ui/zoned-time";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";

type TMeta = { className?: string };

const columns: ColumnDef<TLeadListRow>[] = [
  {
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all leads on this page"
        checked={table.getIsAllRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomeRowsSelected();
        }}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.company.name} (lead #${row.original.id})`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  },
  {
    id: "company",
    header: "Company",
    enableSorting: false,
    cell: ({ row: { original: r } }) => (
      <div className="min-w-48">
        <Link href={`/admin/crm/lead/${r.id}`} className="font-medium text-slate-900 hover:underline">
          {r.company.name}
        </Link>
        <p className="text-xs text-slate-600">
          #{r.id} · {SOURCE_LABELS[r.leadSource]}
          {r.origin ? ` · ${r.origin}${r.destination ? ` → ${r.destination}` : ""}` : ""}
        </p>
      </div>
    ),
  },
  {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  },
  {
    id: "call_status",
    header: "Call status",
    enableSorting: false,
    cell: ({ row }) => callStatusLabel(row.original.lastCallOutcome),
    meta: { className: "hidden md:table-cell whitespace-nowrap" } satisfies TMeta,
  },
  {
    id: "value",
    header: "Value",
    accessorFn: (r) => r.estimatedValue,
    cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.estimatedValue)}</span>,
    meta: { className: "text-right" } satisfies TMeta,
  },
  {
    id: "assignee",
    header: "Assigned to",
    enableSorting: false,
    cell: ({ row }) => row.original.assignee?.name ?? <span className="text-slate-500">—</span>,
  },
  {
    id: "states",
    header: "States",
    enableSorting: false,
    cell: ({ row }) => row.original.states.join(", "),
    meta: { className: "hidden lg:table-cell" } satisfies TMeta,
  },
  {
    id: "created",
    header: "Created",
    accessorFn: (r) => r.createdAt,
    cell: ({ row }) => <ZonedTime value={row.original.createdAt} show="date" />,
    meta: { className: "whitespace-nowrap" } satisfies TMeta,
  },
  {
    id: "follow_up",
    header: "Next follow-up",
    accessorFn: (r) => r.nextFollowUpAt,
    cell: ({ row }) => (
      <FollowUpWhen at={row.original.nextFollowUpAt} hasTime={row.original.nextFollowUpHasTime} />
    ),
    meta: { className: "hidden md:table-cell whitespace-nowrap" } satisfies TMeta,
  },
  {
    id: "last_contact",
    header: "Last contact",
    accessorFn: (r) => r.lastContactAt,
    cell: ({ row }) => <ZonedTime value={row.original.lastContactAt} show="date" />,
    meta: { className: "hidden xl:table-cell whitespace-nowrap" } satisfies TMeta,
  },
];

/**
 * The leads table: TanStack Table in manual mode. The server has already filtered, sorted and
 * paged; sorting and paging here only rewrite the URL, so every view is a shareable link.
 */
export function LeadsTable({
  list,
  canAssign,
  assignees,
  bulkAction,
  sequences,
  enrolAction,
}: {
  list: TLeadList;
  canAssign: boolean;
  assignees: TAssignee[];
  bulkAction: TFormAction<TBulkResult>;
  sequences?: { id: number; name: string }[];
  enrolAction?: TFormAction<TEnrolResult>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [navigating, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // A new page of leads clears the selection during this render (React's "adjusting state when a
  // prop changes"), not in an effect: an effect would paint the table with the old ticks first and
  // then render it all again.
  const [selectionFor, setSelectionFor] = useState(list);
  if (selectionFor !== list) {
    setSelectionFor(list);
    setRowSelection({});
  }

  const sorting: SortingState = [{ id: list.sort, desc: list.dir === "desc" }];
  const go = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(searchParams.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    startTransition(() => router.push(`${pathname}?${p.toString()}`));
  };

  // TanStack's table instance is mutable by design; nothing here relies on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: list.rows,
    columns,
    getRowId: (r) => String(r.id),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    sortDescFirst: true,
    rowCount: list.total,
    state: { sorting, rowSelection, pagination: { pageIndex: list.page - 1, pageSize: list.pageSize } },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const s = next[0];
      if (s)
        go({
          sort: s.id as TLeadSort,
          dir: s.desc ? "desc" : "asc",
          page: null,
          after: null,
          before: null,
          last: null,
        });
    },
  });

  const selected = useMemo(
    () =>
      list.rows
        .filter((r) => rowSelection[String(r.id)])
        .map((r) => ({ id: r.id, label: `${r.company.name} (#${r.id})` })),
    [list.rows, rowSelection],
  );

  return (
    <div className="space-y-3">
      <BulkActionBar
        selected={selected}
        canAssign={canAssign}
        assignees={assignees}
        action={bulkAction}
        sequences={sequences}
        enrolAction={enrolAction}
        onDone={() => setRowSelection({})}
      />
      <div aria-busy={navigating}>
        <DataTable
          data-testid="leads-table"
          caption={`Leads, sorted by ${list.sort.replace("_", " ")} ${list.dir === "desc" ? "descending" : "ascending"}`}
        >
          <THead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const meta = header.column.columnDef.meta as TMeta | undefined;
                  const sorted = header.column.getIsSorted();
                  return (
                    <Th
                      key={header.id}
                      className={meta?.className}
                      aria-sort={
                        header.column.getCanSort()
                          ? sorted === "asc"
                            ? "ascending"
                            : sorted === "desc"
                              ? "descending"
                              : "none"
                          : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:underline"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </Th>
                  );
                })}
              </tr>
            ))}
          </THead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <Tr
                key={row.id}
                className={row.getIsSelected() ? "bg-brand-50" : ""}
                data-lead-id={row.original.id}
              >
                {row.getVisibleCells().map((cell) => (
                  <Td
                    key={cell.id}
                    className={`align-top ${(cell.column.columnDef.meta as TMeta | undefined)?.className ?? ""}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Td>
                ))}
              </Tr>
            ))}
            {!list.rows.length ? (
              <EmptyRow colSpan={columns.length}>No leads match this view.</EmptyRow>
            ) : null}
          </tbody>
        </DataTable>
      </div>
      <LeadsPagination
        list={list}
        onPage={(page) => {
          // Next / Previous page by keyset (the cursor of the row beside it): as fast on page
          // 40 000 as on page 2. Page 1 is the plain link; the page number only labels the page.
          const next = page > list.page;
          const cursor = next ? list.nextCursor : list.prevCursor;
          go(
            page > 1 && cursor
              ? { page: String(page), after: next ? cursor : null, before: next ? null : cursor, last: null }
              : { page: page > 1 ? String(page) : null, after: null, before: null, last: null },
          );
        }}
        onFirst={() => go({ page: null, after: null, before: null, last: null })}
        onLast={() => go({ page: null, after: null, before: null, last: "1" })}
        onPageSize={(size) =>
          go({ page_size: String(size), page: null, after: null, before: null, last: null })
        }
      />
    </div>
  );
}
