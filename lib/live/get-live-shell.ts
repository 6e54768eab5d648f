import "server-only";
import { db } from "@/lib/db";
import { isManager, type TActor } from "@/lib/auth/permissions";
import { EXACT_COUNT_LIMIT } from "@/lib/leads/lead-vocabulary";

export type TLiveShell = {
  /**
   * The nav badge and the tab title: pending leads this user hears about (live-audience.ts's
   * rule), counted to EXACT_COUNT_LIMIT + 1 ("1,000+"): every page reads it, and counting 52 000
   * pending leads cost every page tens of milliseconds.
   */
  poolCount: number;
  /** The Inbox nav badge: the user's unread notifications (lib/notifications/). */
  unreadCount: number;
  /** The Requests badge (issue #21): a manager's requests waiting for approval; a rep's open handoffs offered to them. */
  requestCount: number;
  desktopAlerts: boolean;
  sound: boolean;
};

/**
 * What the live provider in the CRM layout needs, in one query; the layout re-reads it on every
 * router.refresh() a live event causes, so the badge follows the pool. A rep counts the pending
 * leads touching its territories (what its stream announces), the manager every pending lead.
 */
export async function getLiveShell(actor: TActor): Promise<TLiveShell> {
  const all = isManager(actor);
  const [row] = await db.$queryRaw<{ pool_count: number; unread_count: number; request_count: number; desktop: boolean; sound: boolean }[]>`
    WITH mine AS (
      SELECT coalesce(array_agg(DISTINCT s.state), '{}'::text[]) AS states
      FROM territory_members m JOIN territories t ON t.id = m.territory_id
      CROSS JOIN LATERAL unnest(t.states) AS s(state)
      WHERE m.user_id = ${actor.id}
    )
    SELECT
      (SELECT count(*)::int FROM (SELECT 1 FROM sales_leads l, mine WHERE l.status = 'pending' AND (${all} OR l.states && mine.states)
         LIMIT ${EXACT_COUNT_LIMIT + 1}) p) AS pool_count,
      (SELECT count(*)::int FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread_count,
      -- Both read an open-request partial index (lead_requests_open_queue_idx / _receiver_open_idx).
      (CASE WHEN ${all}
        THEN (SELECT count(*)::int FROM lead_requests r WHERE r.state IN ('awaiting_approval', 'awaiting_acceptance') AND r.state = 'awaiting_approval')
        ELSE (SELECT count(*)::int FROM lead_requests r WHERE r.state IN ('awaiting_approval', 'awaiting_acceptance') AND r.receiver_id = ${actor.id})
      END) AS request_count,
      u.live_desktop_alerts AS desktop, u.live_sound AS sound
    FROM users u WHERE u.id = ${actor.id}`;
  return { poolCount: row?.pool_count ?? 0, unreadCount: row?.unread_count ?? 0, requestCount: row?.request_count ?? 0, desktopAlerts: row?.desktop ?? false, sound: row?.sound ?? false };
}
