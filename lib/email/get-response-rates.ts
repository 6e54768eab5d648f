import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { UNSENT_EMAIL_STATUSES } from "@/lib/analytics/get-rep-productivity";
import { command } from "@/lib/command";

export const ZGetResponseRates = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export type TResponseRate = { repId: number; repName: string; sent: number; replied: number; rate: number | null };

/**
 * Emails → replies per rep, in one query, counted as the analytics page counts them: lead emails
 * that left us (UNSENT_EMAIL_STATUSES excluded: queued, failed, bounced, dropped; outbox
 * simulations count, so the demo measures like a real account) against those that got a reply.
 * A message with several replies counts once. Reps get their own row; the manager every rep's.
 */
export const getResponseRates = command(ZGetResponseRates, async (actor, data): Promise<TResponseRate[]> => {
  const onlyRep = can(actor, "metrics.team") ? null : actor.id;
  const { from = null, to = null } = data;
  const rows = await db.$queryRaw<{ rep_id: number; rep_name: string; sent: bigint; replied: bigint }[]>`
    SELECT u.id AS rep_id, u.name AS rep_name, count(m.id) AS sent, count(m.replied_at) AS replied
    FROM users u
    LEFT JOIN email_messages m
      ON m.sender_id = u.id AND m.lead_id IS NOT NULL AND m.status::text <> ALL(${[...UNSENT_EMAIL_STATUSES]}::text[])
      AND (${from}::timestamptz IS NULL OR coalesce(m.sent_at, m.created_at) >= ${from}::timestamptz)
      AND (${to}::timestamptz IS NULL OR coalesce(m.sent_at, m.created_at) < ${to}::timestamptz)
    WHERE (${onlyRep}::int IS NULL OR u.id = ${onlyRep}::int)
    GROUP BY u.id, u.name
    HAVING bool_or(u.role = 'admin' AND u.active) OR count(m.id) > 0
    ORDER BY u.name`;
  return rows.map((r) => {
    const sent = Number(r.sent);
    const replied = Number(r.replied);
    return { repId: r.rep_id, repName: r.rep_name, sent, replied, rate: sent ? replied / sent : null };
  });
});
