import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { CALL_STATUSES, type TCallStatus } from "@/lib/calls/call-status";
import { getCallList } from "@/lib/calls/get-call-list";
import { AppError } from "@/lib/errors";
import { getRepCallMetrics } from "@/lib/calls/get-rep-call-metrics";
import { CallWorkspace } from "@/components/calls/call-workspace";
import { RepCallMetrics } from "@/components/calls/rep-call-metrics";
import { isManager } from "@/lib/auth/permissions";
import { CALL_LIST_PAGE_SIZE } from "@/lib/calls/call-priority";
import { countLabel } from "@/lib/leads/lead-vocabulary";
import { KeysetPages } from "@/components/ui/keyset-pages";
import { listOverdueFollowUps } from "@/lib/follow-ups/list-overdue-follow-ups";
import { OverdueFollowUps } from "@/components/follow-ups/overdue-follow-ups";
import { snoozeFollowUpAction } from "../lead/actions";
import { lockLeadAction, releaseCallLockAction, saveCallAction, undoCallAction } from "./actions";

export const metadata: Metadata = { title: "Call list" };

export default async function CallsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const callStatus = CALL_STATUSES.find((s) => s.key === sp.status)?.key as TCallStatus | undefined;
  const [list, metrics, overdue] = await Promise.all([
    // A stale or hand-edited cursor is refused by the schema (400): the list starts at the top.
    getCallList
      .fromRequest(actor, { callStatus, limit: CALL_LIST_PAGE_SIZE, after: sp.after })
      .catch((err: unknown) => {
        if (err instanceof AppError && err.code === "BAD_REQUEST")
          return getCallList(actor, { callStatus, limit: CALL_LIST_PAGE_SIZE });
        throw err;
      }),
    getRepCallMetrics(actor),
    // The caller's own, also for the manager: the whole team's are on the follow-ups page.
    listOverdueFollowUps(actor, { repId: actor.id, limit: 5 }),
  ]);
  const summary = Object.entries(list.buckets)
    .filter(([, c]) => c.n > 0)
    .map(([k, c]) => `${countLabel(c)} ${k.replace("_", " ")}`)
    .join(" · ");
  const paged = !!sp.after;
  const href = (after?: string) => {
    const q = new URLSearchParams(
      Object.entries({ status: callStatus, after }).filter((e): e is [string, string] => !!e[1]),
    );
    return `/admin/crm/calls${q.size ? `?${q}` : ""}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Call list</h1>
        <p className="text-sm text-slate-600" data-testid="call-summary">
          {countLabel(list.total)} to call{summary ? ` — ${summary}` : ""}
          {list.heldBack.n ? ` · ${countLabel(list.heldBack)} held back (called in the last hour)` : ""}
        </p>
      </div>
      {/* Below the list on a phone, so the first lead to call shows without scrolling. */}
      <div className="order-last lg:order-none">
        <RepCallMetrics m={metrics} />
      </div>
      <nav aria-label="Filter by call status" className="flex flex-wrap gap-1.5 text-sm">
        <Link
          href="/admin/crm/calls"
          aria-current={!callStatus ? "page" : undefined}
          className={`rounded-full border px-3 py-1 ${!callStatus ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
        >
          All
        </Link>
        {CALL_STATUSES.map((s) => (
          <Link
            key={s.key}
            href={`/admin/crm/calls?status=${s.key}`}
            aria-current={callStatus === s.key ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${callStatus === s.key ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      <CallWorkspace
        rows={list.rows}
        actions={{
          lock: lockLeadAction,
          release: releaseCallLockAction,
          save: saveCallAction,
          undo: undoCallAction,
        }}
      />
      {overdue.total > 0 ? (
        <section aria-labelledby="overdue-h" className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="overdue-h" className="font-semibold">
              Overdue follow-ups ({overdue.total})
            </h2>
            <Link href="/admin/crm/follow-ups" className="text-sm text-brand-700 hover:underline">
              All overdue follow-ups{isManager(actor) ? " (every rep)" : ""} →
            </Link>
          </div>
          <OverdueFollowUps data={overdue} showRep={false} snooze={snoozeFollowUpAction} />
        </section>
      ) : null}
      {list.nextCursor || paged ? (
        <KeysetPages
          label="Call list pages"
          testId="call-pages"
          startHref={paged ? href() : null}
          startLabel="Back to the top"
          shown={list.rows.length}
          total={list.total}
          nextHref={list.nextCursor ? href(list.nextCursor) : null}
          pageSize={CALL_LIST_PAGE_SIZE}
        />
      ) : null}
    </div>
  );
}
