import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/assert-can";
import { isManager, type TActor } from "@/lib/auth/permissions";
import { DAY_BOUNDS_CTE } from "@/lib/kernel/company-settings";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";

export type TOverdueFollowUp = {
  leadId: number;
  status: TLeadStatus;
  companyName: string;
  repId: number;
  repName: string;
  nextFollowUpAt: string;
  /** false: a day ("any time that day") that has passed; true: a time that has passed. */
  hasTime: boolean;
};
export type TOverdueFollowUps = { total: number; items: TOverdueFollowUp[] };

export const ZListOverdueFollowUps = z.object({
  /** Manager only: one rep's (none: every rep's). A rep always sees their own. */
  repId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * The follow-ups that are overdue now: a timed one once its time has passed, a date-only one once
 * its company day has ended ("any time that day" is not late before midnight). A rep sees their
 * own; the manager every rep's, or one rep's. Oldest first, on the open-follow-up index
 * (`sales_leads_open_follow_up_idx`), whose predicate the query repeats so the planner can use it.
 */
export async function listOverdueFollowUps(actor: TActor, input: z.input<typeof ZListOverdueFollowUps> = {}): Promise<TOverdueFollowUps> {
  assertCan(actor, "metrics.own");
  const { repId, limit } = ZListOverdueFollowUps.parse(input);
  const owner = isManager(actor) ? (repId ?? null) : actor.id;
  const ownerSql = owner === null ? Prisma.empty : Prisma.sql`AND l.assigned_admin_id = ${owner}`;
  const where = Prisma.sql`
    l.status IN ('assigned', 'in_progress') AND l.next_follow_up_at IS NOT NULL
    AND l.next_follow_up_at < now() AND (l.next_follow_up_has_time OR l.next_follow_up_at < b.today)
    ${ownerSql}`;
  const [[count], rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`WITH ${DAY_BOUNDS_CTE} SELECT count(*)::int AS total FROM sales_leads l, b WHERE ${where}`,
    db.$queryRaw<
      { id: number; status: TLeadStatus; company_name: string; rep_id: number; rep_name: string; next_follow_up_at: Date; has_time: boolean }[]
    >`
      WITH ${DAY_BOUNDS_CTE}
      SELECT l.id, l.status::text AS status, c.name AS company_name, u.id AS rep_id, u.name AS rep_name,
             l.next_follow_up_at, l.next_follow_up_has_time AS has_time
      FROM sales_leads l JOIN companies c ON c.id = l.company_id JOIN users u ON u.id = l.assigned_admin_id, b
      WHERE ${where}
      ORDER BY l.next_follow_up_at, l.id
      LIMIT ${limit}`,
  ]);
  return {
    total: count.total,
    items: rows.map((r) => ({
      leadId: r.id,
      status: r.status,
      companyName: r.company_name,
      repId: r.rep_id,
      repName: r.rep_name,
      nextFollowUpAt: r.next_follow_up_at.toISOString(),
      hasTime: r.has_time,
    })),
  };
}
