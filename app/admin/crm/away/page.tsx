import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isManager } from "@/lib/auth/permissions";
import { listAwayPeriods } from "@/lib/away/list-away-periods";
import { listUsers } from "@/lib/users/list-users";
import { AwayPeriodForm } from "@/components/away/away-period-form";
import { AwayPeriods } from "@/components/away/away-periods";
import { endAwayPeriodAction, setAwayPeriodAction } from "./actions";

export const metadata: Metadata = { title: "Away" };

/** Cover while away: set one's own away period (the manager anyone's) and see the team's. */
export default async function AwayPage() {
  const actor = await requirePageActor();
  const [periods, users] = await Promise.all([listAwayPeriods(actor), listUsers({ activeOnly: true })]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Away</h1>
      <p className="max-w-2xl text-sm text-slate-600">
        While you are away your cover sees your due follow-ups on their call list, marked “covering for you”, and new leads are not
        assigned to you automatically. Your leads stay yours; when the period ends everything is as before.
      </p>
      <AwayPeriodForm action={setAwayPeriodAction} people={users.map((u) => ({ id: u.id, name: u.name }))} selfId={actor.id} manager={isManager(actor)} />
      <AwayPeriods periods={periods} end={endAwayPeriodAction} />
    </div>
  );
}
