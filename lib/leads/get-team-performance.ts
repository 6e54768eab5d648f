import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import { HELD_LEADS } from "@/lib/leads/lead-tallies-sql";
import type { TActor } from "@/lib/auth/permissions";
import type { TRepTotals } from "@/lib/leads/get-rep-totals";

export type TTeamMember = TRepTotals & {
  name: string;
  role: "admin" | "super_admin";
  active: boolean;
  rank: number;
};
export type TTeamPerformance = {
  members: TTeamMember[];
  teamRevenue: number;
  teamConversions: number;
  teamLeads: number;
};

/**
 * Every rep's figures in ONE query (the seed ran a count per admin), ranked by conversion rate,
 * with the team's totals as window sums over the same rows. Same attribution as
 * getRepTotals: conversions go to sales_conversions.admin_id.
 */
export async function getTeamPerformance(actor: TActor): Promise<TTeamPerformance> {
  assertCan(actor, "metrics.team");
  const rows = await db.$queryRaw<
    (TTeamMember & { team_revenue: number; team_conversions: number; team_leads: number })[]
  >`
    WITH member AS (
      SELECT u.id, u.name, u.role, u.active, coalesce(h.leads, 0) AS leads, coalesce(h.open_leads, 0) AS open_leads,
             w.conversions, w.revenue,
             coalesce(round(w.conversions * 100.0 / nullif(h.leads, 0), 1), 0) AS rate
      FROM users u
      LEFT JOIN ${HELD_LEADS} h ON h.admin_id = u.id
      -- Per user, an index-only range scan of that user's conversions (sales_conversions by
      -- admin_id with the value in the index), which PostgreSQL runs faster than one GROUP BY
      -- over the whole table.
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS conversions, coalesce(sum(conversion_value), 0) AS revenue
        FROM sales_conversions WHERE admin_id = u.id
      ) w
      WHERE (u.role = 'admin' AND u.active) OR h.leads > 0 OR w.conversions > 0
    )
    SELECT id AS "adminId", name, role::text AS role, active, leads, open_leads AS "openLeads", conversions,
           rate::float8 AS "conversionRate", revenue::float8 AS revenue,
           round(revenue / nullif(conversions, 0), 2)::float8 AS "averageValue",
           rank() OVER (ORDER BY rate DESC)::int AS rank,
           (sum(revenue) OVER ())::float8 AS team_revenue,
           (sum(conversions) OVER ())::int AS team_conversions,
           (sum(leads) OVER ())::int AS team_leads
    FROM member
    ORDER BY rate DESC, conversions DESC, name`;
  return {
    members: rows.map((r) => ({
      adminId: r.adminId,
      name: r.name,
      role: r.role,
      active: r.active,
      leads: r.leads,
      openLeads: r.openLeads,
      conversions: r.conversions,
      conversionRate: r.conversionRate,
      revenue: r.revenue,
      averageValue: r.averageValue,
      rank: r.rank,
    })),
    teamRevenue: rows[0]?.team_revenue ?? 0,
    teamConversions: rows[0]?.team_conversions ?? 0,
    teamLeads: rows[0]?.team_leads ?? 0,
  };
}
