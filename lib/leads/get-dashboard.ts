import "server-only";
import { isManager, type TActor } from "@/lib/auth/permissions";
import { getFollowUps, type TFollowUps } from "@/lib/leads/get-follow-ups";
import { getLeadCounts, type TLeadCounts } from "@/lib/leads/get-lead-counts";
import { getRepTotals, type TRepTotals } from "@/lib/leads/get-rep-totals";
import { getTeamPerformance, type TTeamPerformance } from "@/lib/leads/get-team-performance";
import { listLeads, type TLeadList } from "@/lib/leads/list-leads";

export type TDashboard = {
  counts: TLeadCounts;
  me: TRepTotals;
  pending: TLeadList;
  active: TLeadList;
  followUps: TFollowUps;
  team: TTeamPerformance | null;
  /** When the figures were read: "overdue" is judged against this, not the browser's clock. */
  generatedAt: string;
};

/** Everything /admin/crm shows, each figure its own single query, all run at once. */
export async function getDashboard(actor: TActor): Promise<TDashboard> {
  const [counts, me, pending, active, followUps, team] = await Promise.all([
    getLeadCounts(actor),
    getRepTotals(actor),
    listLeads(actor, { filter: { status: "pending" }, sort: "created", dir: "desc", page_size: 10 }),
    listLeads(actor, {
      filter: { status: "assigned,in_progress", assigned: "me" },
      sort: "follow_up",
      dir: "asc",
      page_size: 10,
    }),
    getFollowUps(actor),
    isManager(actor) ? getTeamPerformance(actor) : Promise.resolve(null),
  ]);
  return { counts, me, pending, active, followUps, team, generatedAt: new Date().toISOString() };
}
