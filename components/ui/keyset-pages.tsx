import Link from "next/link";
import { countLabel, type TListCount } from "@/lib/leads/lead-vocabulary";

/**
 * The pages of a list read by keyset (the pool, the call list): back to its start once paged,
 * how many rows are shown of how many ("1,000+" or "about 52,000" past the exact bound), and Next
 * while there is more. No Previous or page numbers: a keyset list only knows where it is.
 */
export function KeysetPages({
  label,
  testId,
  startHref,
  startLabel,
  shown,
  total,
  nextHref,
  pageSize,
}: {
  label: string;
  testId: string;
  /** The list's first page, when this is not it. */
  startHref: string | null;
  startLabel: string;
  shown: number;
  total: TListCount;
  /** The next page, when there is one. */
  nextHref: string | null;
  pageSize: number;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm" data-testid={testId}>
      {startHref ? (
        <Link href={startHref} className="text-brand-700 hover:underline">
          « {startLabel}
        </Link>
      ) : null}
      <span className="text-slate-600">
        {shown} shown of {countLabel(total)}
      </span>
      {nextHref ? (
        <Link href={nextHref} className="text-brand-700 hover:underline">
          Next {pageSize} →
        </Link>
      ) : null}
    </nav>
  );
}
