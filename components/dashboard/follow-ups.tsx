import Link from "next/link";
import type { TFollowUps } from "@/lib/leads/get-follow-ups";
import { OUTCOME_LABELS } from "@/lib/leads/lead-vocabulary";
import { telHref } from "@/components/leads/format";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";

/** Follow-ups due today and overdue, with the number to call. */
export function FollowUps({ followUps }: { followUps: TFollowUps }) {
  return (
    <section aria-labelledby="follow-ups" className="rounded-lg border bg-white">
      <div className="p-4 pb-2">
        <h2 id="follow-ups" className="font-semibold">
          Follow-ups
        </h2>
        <p className="text-sm text-slate-600">
          <span className="font-medium text-red-700" data-testid="followups-overdue">
            {followUps.overdue}
          </span>{" "}
          overdue ·{" "}
          <span className="font-medium" data-testid="followups-today">
            {followUps.dueToday}
          </span>{" "}
          due today
        </p>
      </div>
      {followUps.items.length ? (
        <ul className="divide-y divide-slate-200">
          {followUps.items.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
              <div className="min-w-0 grow basis-48">
                <Link href={`/admin/crm/lead/${f.id}`} className="font-medium hover:underline">
                  {f.companyName}
                </Link>
                <p className={f.overdue ? "text-red-700" : "text-slate-600"}>
                  {f.overdue ? "Overdue since " : "Today, "}
                  <FollowUpWhen at={f.nextFollowUpAt} hasTime={f.nextFollowUpHasTime} />
                  {f.lastCallOutcome ? ` · last call ${OUTCOME_LABELS[f.lastCallOutcome].toLowerCase()}` : ""}
                </p>
              </div>
              {f.companyPhone ? (
                <a
                  href={telHref(f.companyPhone)}
                  className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100"
                >
                  Call
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-4 pb-4 text-sm text-slate-600">Nothing due. </p>
      )}
    </section>
  );
}
