import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { isManager } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { zonedDaysLater, zonedDayStart } from "@/lib/kernel/zoned-time";
import { zId } from "@/lib/leads/lead-input";
import { MAX_AWAY_DAYS, ZAwayBound } from "@/lib/away/away-input";

export const ZSetAwayPeriod = z.object({
  /** Whose absence: one's own by default; anyone's for the manager. */
  user_id: zId("user_id").optional(),
  cover_user_id: zId("cover_user_id"),
  starts_at: ZAwayBound,
  ends_at: ZAwayBound,
  note: z.string().trim().max(500, "At most 500 characters").optional(),
});
export type TSetAwayPeriod = z.input<typeof ZSetAwayPeriod>;

// Away periods are rare and each check reads other users' periods (is the cover away then?):
// one lock for all their writes makes "no overlap" hold under concurrent saves.
const AWAY_LOCK = 0x61_77_61_79; // "away"

const bad = (path: string, message: string) => new AppError("BAD_REQUEST", `Invalid input: ${path} — ${message}`, [{ path, message }]);

/**
 * Sets an away period with a cover: a rep for themself, the manager for anyone. A day as the start
 * means from its 00:00 company time, a day as the end means through that whole day. Refused with
 * 400, nothing written: an end not after the start, a period already over, longer than a year,
 * covering oneself, an inactive cover, a period overlapping another of the same user, a cover who
 * is away then, or an away user who covers someone else then. Nothing changes owner: while the
 * period runs the cover's call list shows the user's due follow-ups (read at query time,
 * lib/away/away-sql.ts), and auto-assignment skips the user. Audited (`away.set`).
 * `now` pins the clock for tests.
 */
export const setAwayPeriod = command(ZSetAwayPeriod, async (actor, data, now: Date = new Date()) => {
  const userId = data.user_id ?? actor.id;
  if (userId !== actor.id && !isManager(actor)) throw new AppError("FORBIDDEN", "Only a manager can set someone else's away period.");
  const zone = await getCompanyTimeZone();
  const startsAt = data.starts_at.length === 10 ? zonedDayStart(data.starts_at, zone) : new Date(data.starts_at);
  const endsAt =
    data.ends_at.length === 10 ? zonedDaysLater(zonedDayStart(data.ends_at, zone), 1, 0, zone) : new Date(data.ends_at);
  if (endsAt <= startsAt) throw bad("ends_at", "The end must be after the start");
  if (endsAt <= now) throw bad("ends_at", "This period is already over");
  if (endsAt.getTime() - startsAt.getTime() > MAX_AWAY_DAYS * 86_400_000) throw bad("ends_at", "A period can last at most a year");
  if (data.cover_user_id === userId) throw bad("cover_user_id", "Choose someone else to cover");

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AWAY_LOCK}::int)`;
    const people = await tx.user.findMany({ where: { id: { in: [userId, data.cover_user_id] } }, select: { id: true, name: true, active: true } });
    const user = people.find((p) => p.id === userId);
    const cover = people.find((p) => p.id === data.cover_user_id);
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    if (!cover?.active) throw bad("cover_user_id", "Choose an active user to cover");
    const overlapping = (who: number) => ({ userId: who, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } });
    if (await tx.userAwayPeriod.findFirst({ where: overlapping(userId) }))
      throw bad("starts_at", `${user.name} already has an away period at that time`);
    if (await tx.userAwayPeriod.findFirst({ where: overlapping(cover.id) })) throw bad("cover_user_id", `${cover.name} is away then too`);
    const covering = await tx.userAwayPeriod.findFirst({ where: { coverUserId: userId, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } }, include: { user: { select: { name: true } } } });
    if (covering) throw bad("starts_at", `${user.name} covers for ${covering.user.name} then`);

    const period = await tx.userAwayPeriod.create({
      data: { userId, coverUserId: cover.id, startsAt, endsAt, note: data.note ?? "", createdById: actor.id },
    });
    await recordAudit(tx, {
      actor,
      action: "away.set",
      target: { type: "user", id: userId },
      after: { period_id: period.id, cover_user_id: cover.id, starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString() },
    });
    return { id: period.id, userId, coverUserId: cover.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
  });
});
