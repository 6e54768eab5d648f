import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listPossibleDuplicates } from "@/lib/companies/list-possible-duplicates";
import { COMPANY_RULE_LABELS } from "@/lib/companies/duplicate-rules";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { ZonedTime } from "@/components/ui/zoned-time";
import { dismissMergeRequestAction } from "./actions";

export const metadata: Metadata = { title: "Duplicate companies" };

const compare = (a: number, b: number) => `/admin/crm/duplicates/merge?a=${a}&b=${b}`;

// The manager's queue of possible duplicates: the reps' merge requests first, then every group of
// live companies sharing a key, strongest rule first, a page at a time.
export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("companies.merge");
  const list = await listPossibleDuplicates.fromRequest(actor, await searchParams);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const card = "rounded-lg border bg-white p-4";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Duplicate companies</h1>
      <section aria-labelledby="requests" className={card}>
        <h2 id="requests" className="mb-3 font-semibold">
          Merge requests from reps ({list.requests.length})
        </h2>
        {list.requests.length === 0 ? <p className="text-sm text-slate-600">No pending requests.</p> : null}
        <ul className="divide-y divide-slate-200 text-sm" data-testid="merge-requests">
          {list.requests.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3 py-2">
              <span>
                <Link href={`/admin/crm/company/${r.company.id}`} className="font-medium underline">
                  #{r.company.id} {r.company.name}
                </Link>{" "}
                may be{" "}
                <Link href={`/admin/crm/company/${r.duplicateOf.id}`} className="font-medium underline">
                  #{r.duplicateOf.id} {r.duplicateOf.name}
                </Link>
              </span>
              <span className="text-slate-600">
                {r.requestedBy}, <ZonedTime value={r.createdAt} show="date" />
                {r.note ? ` — “${r.note}”` : ""}
              </span>
              <Link href={compare(r.company.id, r.duplicateOf.id)} className={smallButton}>
                Compare and merge
              </Link>
              <ActionButton action={dismissMergeRequestAction} fields={{ request_id: r.id }} label="Not the same" className={smallButton} ariaLabel={`Dismiss the request about #${r.company.id} and #${r.duplicateOf.id}`} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups" className={card}>
        <h2 id="groups" className="mb-3 font-semibold">
          Possible duplicates ({list.total} {list.total === 1 ? "group" : "groups"})
        </h2>
        {list.groups.length === 0 ? <p className="text-sm text-slate-600">No possible duplicates.</p> : null}
        <ul className="space-y-4" data-testid="duplicate-groups">
          {list.groups.map((g) => (
            <li key={`${g.rule}:${g.key}`} className="border-b pb-3 text-sm last:border-0">
              <p className="font-medium">
                {COMPANY_RULE_LABELS[g.rule]}: <span className="break-all">{g.key}</span>
                {g.size > g.companies.length ? <span className="text-slate-600"> ({g.size} companies, first {g.companies.length} shown)</span> : null}
              </p>
              <ul className="mt-1 space-y-1">
                {g.companies.map((c, i) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/crm/company/${c.id}`} className="underline">
                      #{c.id} {c.name}
                    </Link>
                    <span className="text-slate-600">
                      {[c.city, c.state].filter(Boolean).join(", ")} · {c.leads} {c.leads === 1 ? "lead" : "leads"}
                    </span>
                    {i > 0 ? (
                      <Link href={compare(g.companies[0].id, c.id)} className={smallButton} aria-label={`Compare #${g.companies[0].id} and #${c.id}`}>
                        Compare with #{g.companies[0].id}
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
            {list.page > 1 ? <Link href={`?page=${list.page - 1}`} className="underline">Previous</Link> : null}
            <span>
              Page {list.page} of {pages}
            </span>
            {list.page < pages ? <Link href={`?page=${list.page + 1}`} className="underline">Next</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
