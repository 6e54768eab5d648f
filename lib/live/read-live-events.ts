import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TLiveEvent } from "@/lib/live/publish-live-event";
import { LIVE_EVENT_RETENTION_HOURS } from "@/lib/live/delete-old-live-events";

/** A stored live event with what deciding its audience needs, read once per event per instance. */
export type TStoredLiveEvent = {
  id: bigint;
  event: TLiveEvent;
  /** The holder's name now (lead events), for "claimed by …". */
  ownerName: string | null;
  /** Reps whose territories share a state with the lead (lead events; empty for notices). */
  territoryUserIds: number[];
};

/**
 * Live events by id (what a NOTIFY named) or after an id (a stream's Last-Event-ID, a listener
 * catching up after a reconnect), oldest first, within the retention. One query, whatever the
 * number of connected clients: the territory match is computed here, per event, so a membership
 * change counts from the next event on.
 */
export async function readLiveEvents(where: { ids: bigint[] } | { after: bigint; limit: number }): Promise<TStoredLiveEvent[]> {
  const filter =
    "ids" in where
      ? Prisma.sql`e.id = ANY(${where.ids.map(String)}::bigint[])`
      : Prisma.sql`e.id > ${String(where.after)}::bigint AND e.created_at > now() - make_interval(hours => ${LIVE_EVENT_RETENTION_HOURS}::int)`;
  const limit = "ids" in where ? where.ids.length : where.limit;
  const rows = await db.$queryRaw<{ id: bigint; event: TLiveEvent; owner_name: string | null; territory_user_ids: number[] }[]>`
    SELECT e.id, e.event,
      (SELECT u.name FROM users u WHERE u.id = (e.event ->> 'assignedAdminId')::int) AS owner_name,
      ARRAY(
        SELECT DISTINCT m.user_id FROM territory_members m JOIN territories t ON t.id = m.territory_id
        WHERE t.states && ARRAY(SELECT jsonb_array_elements_text(coalesce(e.event -> 'states', '[]'::jsonb)))
      ) AS territory_user_ids
    FROM live_events e
    WHERE ${filter}
    ORDER BY e.id
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, event: r.event, ownerName: r.owner_name, territoryUserIds: r.territory_user_ids }));
}
