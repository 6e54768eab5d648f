import "server-only";
import { db } from "@/lib/db";
import { can, type TActor } from "@/lib/auth/permissions";

const LIMIT = 50;

/** Texts kept in outbox mode (never sent), newest first: the manager sees all, a rep their own. */
export async function listTextOutbox(actor: TActor) {
  const where = { status: "simulated" as const, ...(can(actor, "metrics.team") ? {} : { senderId: actor.id }) };
  const [total, rows] = await Promise.all([
    db.textMessage.count({ where }),
    db.textMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIMIT,
      select: { id: true, leadId: true, toPhone: true, body: true, createdAt: true, sender: { select: { name: true } }, lead: { select: { company: { select: { name: true } } } } },
    }),
  ]);
  return {
    total,
    shown: rows.length,
    texts: rows.map((t) => ({ id: t.id, leadId: t.leadId, companyName: t.lead?.company.name ?? null, to: t.toPhone, body: t.body, createdAt: t.createdAt.toISOString(), senderName: t.sender?.name ?? null })),
  };
}
