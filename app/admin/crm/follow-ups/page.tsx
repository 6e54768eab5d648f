import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isManager } from "@/lib/auth/permissions";
import { listOverdueFollowUps } from "@/lib/follow-ups/list-overdue-follow-ups";
import { listUsers } from "@/lib/users/list-users";
import { OverdueFollowUps } from "@/components/follow-ups/overdue-follow-ups";
import { snoozeFollowUpAction } from "../lead/actions";

export const metadata: Metadata = { title: "Overdue follow-ups" };

/** The overdue follow-ups: a rep's own; the manager's of every rep, or of one (`?rep=`). */
export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const manager = isManager(actor);
  const sp = await searchParams;
  const reps = manager ? (await listUsers({ activeOnly: true })).map((u) => ({ id: u.id, name: u.name })) : [];
  const repId = manager ? reps.find((r) => String(r.id) === sp.rep)?.id : undefined;
  const data = await listOverdueFollowUps(actor, { repId, limit: 200 });
  const pill = (current: boolean) => `rounded-full border px-3 py-1 ${current ? "border-brand-600 bg-brand-50" : "border-slate-300"}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Overdue follow-ups</h1>
        <p className="text-sm text-slate-600" data-testid="overdue-total">
          {data.total} overdue{data.total > data.items.length ? ` · showing the oldest ${data.items.length}` : ""}
        </p>
      </div>
      <p className="max-w-2xl text-sm text-slate-600">
        A follow-up with a time is overdue once its time has passed; one for a day, once that day is over (company time).
      </p>
      {manager ? (
        <nav aria-label="Filter by rep" className="flex flex-wrap gap-1.5 text-sm">
          <Link href="/admin/crm/follow-ups" aria-current={!repId ? "page" : undefined} className={pill(!repId)}>
            All reps
          </Link>
          {reps.map((r) => (
            <Link key={r.id} href={`/admin/crm/follow-ups?rep=${r.id}`} aria-current={repId === r.id ? "page" : undefined} className={pill(repId === r.id)}>
              {r.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <OverdueFollowUps data={data} showRep={manager} snooze={snoozeFollowUpAction} />
    </div>
  );
}
