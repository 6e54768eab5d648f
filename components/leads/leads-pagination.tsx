"use client";

import { LEAD_PAGE_SIZES } from "@/lib/leads/lead-vocabulary";
import type { TLeadList } from "@/lib/leads/list-leads";
import { formatNumber } from "@/components/leads/format";
import { compactInputClass, secondaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";

export function LeadsPagination({
  list,
  onPage,
  onFirst,
  onLast,
  onPageSize,
}: {
  list: TLeadList;
  onPage: (page: number) => void;
  /** First and last page: page 1 by offset 0, the last read from the end of the order. */
  onFirst: () => void;
  onLast: () => void;
  onPageSize: (size: number) => void;
}) {
  const first = list.rows.length ? (list.page - 1) * list.pageSize + 1 : 0;
  const last = (list.page - 1) * list.pageSize + list.rows.length;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p data-testid="leads-count">
        {first ? `${formatNumber(first)}–${formatNumber(last)} of ` : "0 of "}
        {list.totalIsEstimate ? "about " : ""}
        {formatNumber(list.total)} leads
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButton} disabled={list.page <= 1} onClick={onFirst}>
          « First
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={list.page <= 1}
          onClick={() => onPage(list.page - 1)}
        >
          ← Previous
        </button>
        <span>
          Page {formatNumber(list.page)} of {list.totalIsEstimate ? "about " : ""}
          {formatNumber(pages)}
        </span>
        <button
          type="button"
          className={secondaryButton}
          disabled={!list.hasNextPage}
          onClick={() => onPage(list.page + 1)}
        >
          Next →
        </button>
        <button type="button" className={secondaryButton} disabled={!list.hasNextPage} onClick={onLast}>
          Last »
        </button>
        <SelectField
          label={<span className="sr-only">Rows per page</span>}
          className="ml-2"
          selectClassName={compactInputClass}
          value={list.pageSize}
          onChange={(e) => onPageSize(Number(e.target.value))}
          options={LEAD_PAGE_SIZES.map((s) => ({ value: String(s), label: `${s} per page` }))}
        />
      </div>
    </nav>
  );
}
