import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { coverIdsSql } from "@/lib/away/away-sql";
import { AppError } from "@/lib/errors";
import { assertStep } from "@/lib/leads/lead-rules";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { command } from "@/lib/command";

/** How long opening a lead in the call flow marks it "being called" (renewed on each open). */
export const CALL_LOCK_MINUTES = 10;

export const ZCallLock = z.object({ leadId: z.coerce.number().int().positive() });
export type TCallLock = z.input<typeof ZCallLock>;

/**
 * Soft lock: marks the lead as being called by the actor for 10 minutes, so nobody else dials
 * it meanwhile. Allowed on one's own open lead (any lead for the manager) and on a pool lead
 * (anyone may call before claiming). Someone else's live lock → 409 naming them; an expired
 * lock is simply taken over. Saving the call clears it (release-call-lock.ts).
 */
export const lockLeadForCall = command(ZCallLock, async (actor, data) => {
  const { leadId } = data;
  return db.$transaction(async (tx) => {
    const [lead] = await tx.$queryRaw<
      {
        id: number;
        status: TLeadStatus;
        assigned_admin_id: number | null;
        locked_by_id: number | null;
        locked_by_name: string | null;
        live: boolean;
        cover_ids: number[];
      }[]
    >`
      SELECT l.id, l.status::text AS status, l.assigned_admin_id, l.call_locked_by_id AS locked_by_id, u.name AS locked_by_name,
             coalesce(l.call_locked_until > now(), false) AS live, ${coverIdsSql(Prisma.sql`l.assigned_admin_id`)} AS cover_ids
      FROM sales_leads l LEFT JOIN users u ON u.id = l.call_locked_by_id
      WHERE l.id = ${leadId}
      FOR UPDATE OF l`;
    assertStep(actor, "call_lock", lead && { status: lead.status, assignedAdminId: lead.assigned_admin_id, coverIds: lead.cover_ids });
    if (lead.live && lead.locked_by_id !== actor.id)
      throw new AppError("CONFLICT", `${lead.locked_by_name ?? "Someone"} is calling this lead right now`);
    const [row] = await tx.$queryRaw<{ until: Date }[]>`
      UPDATE sales_leads
      SET call_locked_by_id = ${actor.id}, call_locked_until = now() + make_interval(mins => ${CALL_LOCK_MINUTES}::int)
      WHERE id = ${leadId}
      RETURNING call_locked_until AS until`;
    // A renewal by the same caller is not news for the timeline; a new lock is.
    if (!(lead.live && lead.locked_by_id === actor.id)) {
      await recordLeadEvent(tx, {
        leadId,
        actorId: actor.id,
        type: "call_locked",
        data: { until: row.until.toISOString() },
      });
    }
    return { leadId, lockedUntil: row.until.toISOString() };
  });
});
