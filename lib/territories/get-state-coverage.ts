import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";

export type TStateCoverage = {
  state: string;
  /** Every lead touching the state (a route lead counts in each state it crosses). */
  leads: number;
  unassigned: number;
  openLeads: number;
  /** Share of the state's open leads contacted in the last 7 days, 0–100 (null: no open leads). */
  workedPct: number | null;
  converted: number;
  revenue: number;
  /** Territories that include the state, and their active reps. */
  territories: string[];
  reps: string[];
};

/**
 * One row per state in one SQL query over unnest(states), the same for the manager and a rep: every
 * lead is readable by every rep, and a rep must see which states others cover (only a state in no
 * territory, or whose territories have no active rep, has "no rep"). The page outlines the rep's
 * own states. A lead crossing three states counts — with its revenue — in all three, so state
 * totals add up to more than the whole.
 */
export async function getStateCoverage(actor: TActor): Promise<TStateCoverage[]> {
  assertCan(actor, "lead.read");
  const rows = await db.$queryRaw<
    {
      state: string;
      leads: bigint | null;
      unassigned: bigint | null;
      open_leads: bigint | null;
      worked_open: bigint | null;
      converted: bigint | null;
      revenue: Prisma.Decimal | null;
      territories: string[] | null;
      reps: string[] | null;
    }[]
  >`
    WITH cover AS (
      SELECT s.state,
             array_agg(DISTINCT t.name ORDER BY t.name) AS territories,
             array_remove(array_agg(DISTINCT u.name ORDER BY u.name) FILTER (WHERE u.active), NULL) AS reps
      FROM territories t
      CROSS JOIN LATERAL unnest(t.states) AS s(state)
      LEFT JOIN territory_members m ON m.territory_id = t.id
      LEFT JOIN users u ON u.id = m.user_id
      GROUP BY s.state
    ),
    per_state AS (
      SELECT s.state,
             count(*) AS leads,
             count(*) FILTER (WHERE l.status = 'pending') AS unassigned,
             count(*) FILTER (WHERE l.status IN ('pending', 'assigned', 'in_progress')) AS open_leads,
             count(*) FILTER (WHERE l.status IN ('pending', 'assigned', 'in_progress')
                                AND l.last_contact_at >= now() - interval '7 days') AS worked_open,
             count(*) FILTER (WHERE l.status = 'converted') AS converted,
             sum(c.conversion_value) AS revenue
      FROM sales_leads l
      CROSS JOIN LATERAL unnest(l.states) AS s(state)
      LEFT JOIN sales_conversions c ON c.lead_id = l.id
      GROUP BY s.state
    )
    SELECT coalesce(p.state, c.state) AS state, p.leads, p.unassigned, p.open_leads, p.worked_open, p.converted, p.revenue,
           c.territories, c.reps
    FROM per_state p
    FULL JOIN cover c ON c.state = p.state
    ORDER BY 1`;
  return rows.map((r) => {
    const open = Number(r.open_leads ?? 0);
    return {
      state: r.state,
      leads: Number(r.leads ?? 0),
      unassigned: Number(r.unassigned ?? 0),
      openLeads: open,
      workedPct: open ? Math.round((Number(r.worked_open ?? 0) / open) * 1000) / 10 : null,
      converted: Number(r.converted ?? 0),
      revenue: r.revenue ? Number(r.revenue) : 0,
      territories: r.territories ?? [],
      reps: r.reps ?? [],
    };
  });
}
