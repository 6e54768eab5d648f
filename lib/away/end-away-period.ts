import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { isManager } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { zId } from "@/lib/leads/lead-input";

export const ZEndAwayPeriod = z.object({ id: zId("id") });
export type TEndAwayPeriod = z.input<typeof ZEndAwayPeriod>;

/**
 * "I'm back" (or the manager for them): a running period ends now, a future one is withdrawn
 * (deleted; the audit log keeps it). Another rep's period is 404; one already over is 409.
 * Audited (`away.ended`). `now` pins the clock for tests.
 */
export const endAwayPeriod = command(ZEndAwayPeriod, async (actor, data, now: Date = new Date()) => {
  return db.$transaction(async (tx) => {
    const [p] = await tx.$queryRaw<{ id: number; user_id: number; cover_user_id: number; starts_at: Date; ends_at: Date }[]>`
      SELECT id, user_id, cover_user_id, starts_at, ends_at FROM user_away_periods WHERE id = ${data.id} FOR UPDATE`;
    if (!p || (p.user_id !== actor.id && !isManager(actor))) throw new AppError("NOT_FOUND", "Away period not found");
    if (p.ends_at <= now) throw new AppError("CONFLICT", "This away period is already over");
    const before = { period_id: p.id, cover_user_id: p.cover_user_id, starts_at: p.starts_at.toISOString(), ends_at: p.ends_at.toISOString() };
    let after: Record<string, unknown>;
    if (p.starts_at > now) {
      await tx.userAwayPeriod.delete({ where: { id: p.id } });
      after = { withdrawn: true };
    } else {
      await tx.userAwayPeriod.update({ where: { id: p.id }, data: { endsAt: now } });
      after = { ...before, ends_at: now.toISOString() };
    }
    await recordAudit(tx, { actor, action: "away.ended", target: { type: "user", id: p.user_id }, before, after });
    return { id: p.id, withdrawn: p.starts_at > now };
  });
});
