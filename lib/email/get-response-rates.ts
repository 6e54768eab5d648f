import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";

export const ZGetResponseRates = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export type TResponseRate = { repId: number; repName: string; sent: number; replied: number; rate: number | null };

/**
 * Emails → replies per rep, in one query. Counts lead emails that left through SendGrid (outbox
 * simulations never reach anyone, test emails belong to no lead); a message with several replies
 * counts once. Reps get their own row; the manager gets every rep's.
 */
export async function getResponseRates(actor: TActor, input: z.input<typeof ZGetResponseRates> = {}): Promise<TResponseRate[]> {
  const parsed = ZGetResponseRates.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const onlyRep = can(actor, "metrics.team") ? null : actor.id;
  const rows = await db.$queryRaw<{ rep_id: number; rep_name: string; sent: bigint; replied: bigint }[]>`
    SELECT u.id AS rep_id, u.name AS rep_name, count(m.id) AS sent, count(m.replied_at) AS replied
    FROM users u
    LEFT JOIN email_messages m
      ON m.sender_id = u.id AND m.lead_id IS NOT NULL AND m.sent_at IS NOT NULL AND m.status <> 'simulated'
      AND (${parsed.data.from ?? null}::timestamptz IS NULL OR m.created_at >= ${parsed.data.from ?? null}::timestamptz)
      AND (${parsed.data.to ?? null}::timestamptz IS NULL OR m.created_at < ${parsed.data.to ?? null}::timestamptz)
    WHERE (${onlyRep}::int IS NULL OR u.id = ${onlyRep}::int)
    GROUP BY u.id, u.name
    HAVING bool_or(u.role = 'admin' AND u.active) OR count(m.id) > 0
    ORDER BY u.name`;
  return rows.map((r) => {
    const sent = Number(r.sent);
    const replied = Number(r.replied);
    return { repId: r.rep_id, repName: r.rep_name, sent, replied, rate: sent ? replied / sent : null };
  });
}
