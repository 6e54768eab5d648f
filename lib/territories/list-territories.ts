import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { can, type TActor } from "@/lib/auth/permissions";

export type TTerritoryRow = {
  id: number;
  name: string;
  states: string[];
  members: { id: number; name: string; active: boolean }[];
  /** Open leads (pending, assigned, in progress) touching any of its states. */
  openLeads: number;
  /** Of those, unassigned (pending). */
  unassigned: number;
};

/**
 * The manager sees every territory; a rep sees the ones they belong to (the permission is part
 * of the query). One query: members and coverage counts are correlated subqueries per territory,
 * and the GIN index on sales_leads.states answers each `&&`.
 */
export async function listTerritories(actor: TActor): Promise<TTerritoryRow[]> {
  const visible = can(actor, "territories.manage")
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = ${actor.id})`;
  const rows = await db.$queryRaw<
    {
      id: number;
      name: string;
      states: string[];
      members: TTerritoryRow["members"];
      open_leads: bigint;
      unassigned: bigint;
    }[]
  >`
    SELECT t.id, t.name, t.states,
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'active', u.active) ORDER BY u.name)
                FROM territory_members m JOIN users u ON u.id = m.user_id WHERE m.territory_id = t.id), '[]'::json) AS members,
      (SELECT count(*) FROM sales_leads l
        WHERE l.states && t.states AND l.status IN ('pending', 'assigned', 'in_progress')) AS open_leads,
      (SELECT count(*) FROM sales_leads l WHERE l.states && t.states AND l.status = 'pending') AS unassigned
    FROM territories t
    WHERE ${visible}
    ORDER BY t.name`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    states: r.states,
    members: r.members,
    openLeads: Number(r.open_leads),
    unassigned: Number(r.unassigned),
  }));
}
