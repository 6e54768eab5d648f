import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";

const LIMIT = 50;

export type TUnmatchedText = { id: number; from: string; body: string; optedOut: boolean; receivedAt: string };

/**
 * The manager's list of texts from numbers we know nothing of (no lead texted at that number, no
 * company or contact with it), newest first, the newest 50 and how many there are. Only inbound
 * texts are ever stored without a lead, so `lead_id IS NULL` is the whole test, read through
 * text_messages' (lead_id, created_at) index. Once someone adds the number to a contact, the
 * texts that follow go to that company's lead; these stay here.
 */
export async function listUnmatchedTexts(actor: TActor): Promise<{ total: number; texts: TUnmatchedText[] }> {
  assertCan(actor, "texts.unmatched");
  const where = { leadId: null, direction: "inbound" as const };
  const [total, rows] = await Promise.all([
    db.textMessage.count({ where }),
    db.textMessage.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIMIT, select: { id: true, fromPhone: true, body: true, createdAt: true } }),
  ]);
  const optOuts = await db.textOptOut.findMany({ where: { phone: { in: [...new Set(rows.map((r) => r.fromPhone ?? ""))] } }, select: { phone: true } });
  return {
    total,
    texts: rows.map((t) => ({
      id: t.id,
      from: t.fromPhone ?? "",
      body: t.body,
      optedOut: optOuts.some((o) => o.phone === t.fromPhone),
      receivedAt: t.createdAt.toISOString(),
    })),
  };
}
