import "server-only";
import type { TTx } from "@/lib/leads/lead-transaction";

export type TSlaTimerKind = "alert" | "escalation";
export type TSlaRecipient = { id: number; name: string; email: string; phone: string | null };

/**
 * Who a timer tells. The alert goes to the reps who would see the lead first in their pool: the
 * active reps of every territory touching one of its states, or every active rep when no
 * territory covers it (the pool shows such a lead to all alike). The escalation goes to the
 * active managers.
 */
export async function listSlaRecipients(tx: TTx, kind: TSlaTimerKind, states: string[]): Promise<TSlaRecipient[]> {
  if (kind === "escalation")
    return tx.user.findMany({ where: { role: "super_admin", active: true }, select: { id: true, name: true, email: true, phone: true }, orderBy: { id: "asc" } });
  return tx.$queryRaw<TSlaRecipient[]>`
    WITH covering AS (
      SELECT DISTINCT u.id FROM users u
      JOIN territory_members m ON m.user_id = u.id
      JOIN territories t ON t.id = m.territory_id
      WHERE u.active AND u.role = 'admin' AND t.states && ${states}::text[]
    )
    SELECT u.id, u.name, u.email, u.phone FROM users u
    WHERE u.active AND u.role = 'admin'
      AND (u.id IN (SELECT id FROM covering) OR NOT EXISTS (SELECT 1 FROM covering))
    ORDER BY u.id`;
}
