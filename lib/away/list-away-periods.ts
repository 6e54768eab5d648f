import "server-only";
import { db } from "@/lib/db";
import { isManager, type TActor } from "@/lib/auth/permissions";

export type TAwayPeriodItem = {
  id: number;
  user: { id: number; name: string };
  cover: { id: number; name: string };
  startsAt: string;
  endsAt: string;
  note: string;
  /** Running now (else it starts later). */
  current: boolean;
  /** The viewer may end or withdraw it (their own, or the manager). */
  mayEnd: boolean;
};

/**
 * Who is away now and who will be (periods not yet over, index user_away_periods(ends_at)), for
 * the dashboard and the Away page. Every user sees the whole team's: knowing who covers whom is
 * the point. `now` pins the clock for tests.
 */
export async function listAwayPeriods(actor: TActor, options: { now?: Date; currentOnly?: boolean } = {}): Promise<TAwayPeriodItem[]> {
  const now = options.now ?? new Date();
  const rows = await db.userAwayPeriod.findMany({
    where: { endsAt: { gt: now }, ...(options.currentOnly ? { startsAt: { lte: now } } : {}) },
    include: { user: { select: { id: true, name: true } }, cover: { select: { id: true, name: true } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.map((p) => ({
    id: p.id,
    user: p.user,
    cover: p.cover,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    note: p.note,
    current: p.startsAt <= now,
    mayEnd: p.userId === actor.id || isManager(actor),
  }));
}
