import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import { can, type TActor } from "@/lib/auth/permissions";

export type TAnalyticsOptions = {
  reps: { id: number; name: string; active: boolean }[];
  territories: { id: number; name: string }[];
};

/** Choices for the analytics filters: a manager picks any rep, a rep only sees themself. */
export async function getAnalyticsOptions(actor: TActor): Promise<TAnalyticsOptions> {
  assertCan(actor, "metrics.own");
  const team = can(actor, "metrics.team");
  const [reps, territories] = await Promise.all([
    team
      ? db.user.findMany({ where: { role: "admin" }, select: { id: true, name: true, active: true }, orderBy: [{ active: "desc" }, { name: "asc" }] })
      : Promise.resolve([{ id: actor.id, name: actor.name, active: true }]),
    db.territory.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { reps, territories };
}
