import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { DAY_BOUNDS_CTE } from "@/lib/kernel/company-settings";
import type { TActionOutcome, TLeadStatus } from "@/lib/leads/lead-vocabulary";

export type TFollowUp = {
  id: number;
  status: TLeadStatus;
  companyName: string;
  companyPhone: string | null;
  nextFollowUpAt: string;
  nextFollowUpHasTime: boolean;
  overdue: boolean;
  lastCallOutcome: TActionOutcome | null;
};
export type TFollowUps = { overdue: number; dueToday: number; items: TFollowUp[] };

const LIST_LIMIT = 10;

/**
 * The actor's follow-ups that are due today or overdue, "today" in the company's time zone:
 * the two counts in one query, the soonest items in another (both on the rep's follow-up index).
 */
export async function getFollowUps(actor: TActor): Promise<TFollowUps> {
  assertCan(actor, "metrics.own");
  const [[counts], items] = await Promise.all([
    db.$queryRaw<{ overdue: number; due_today: number }[]>`
      WITH ${DAY_BOUNDS_CTE}
      SELECT count(*) FILTER (WHERE l.next_follow_up_at < b.today)::int AS overdue,
             count(*) FILTER (WHERE l.next_follow_up_at >= b.today)::int AS due_today
      FROM sales_leads l, b
      WHERE l.assigned_admin_id = ${actor.id} AND l.status IN ('assigned', 'in_progress') AND l.next_follow_up_at < b.tomorrow`,
    db.$queryRaw<
      {
        id: number;
        status: TLeadStatus;
        company_name: string;
        company_phone: string | null;
        next_follow_up_at: Date;
        next_follow_up_has_time: boolean;
        overdue: boolean;
        last_call_outcome: TActionOutcome | null;
      }[]
    >`
      WITH ${DAY_BOUNDS_CTE}
      SELECT l.id, l.status::text AS status, c.name AS company_name, c.phone AS company_phone, l.next_follow_up_at, l.next_follow_up_has_time,
             l.next_follow_up_at < b.today AS overdue, l.last_call_outcome::text AS last_call_outcome
      FROM sales_leads l JOIN companies c ON c.id = l.company_id, b
      WHERE l.assigned_admin_id = ${actor.id} AND l.status IN ('assigned', 'in_progress') AND l.next_follow_up_at < b.tomorrow
      ORDER BY l.next_follow_up_at, l.id
      LIMIT ${LIST_LIMIT}`,
  ]);
  return {
    overdue: counts.overdue,
    dueToday: counts.due_today,
    items: items.map((r) => ({
      id: r.id,
      status: r.status,
      companyName: r.company_name,
      companyPhone: r.company_phone,
      nextFollowUpAt: r.next_follow_up_at.toISOString(),
      nextFollowUpHasTime: r.next_follow_up_has_time,
      overdue: r.overdue,
      lastCallOutcome: r.last_call_outcome,
    })),
  };
}
