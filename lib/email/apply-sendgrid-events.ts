import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";
import type { TStopReason } from "@/lib/sequences/sequence-vocabulary";

// One SendGrid event. Our custom arg (pilot_message_id) comes back as a top-level field.
const ZEvent = z.looseObject({
  sg_event_id: z.string().min(1).max(200),
  event: z.string().min(1).max(40),
  email: z.string().max(320).optional(),
  timestamp: z.number(),
  sg_message_id: z.string().max(200).optional(),
  pilot_message_id: z.union([z.string(), z.number()]).optional(),
  type: z.string().optional(),
  reason: z.string().optional(),
  url: z.string().optional(),
});
type TEvent = z.infer<typeof ZEvent>;

const STATUS_OF: Record<string, string> = {
  processed: "processed",
  deferred: "deferred",
  delivered: "delivered",
  open: "opened",
  click: "clicked",
  bounce: "bounced",
  dropped: "dropped",
  spamreport: "spamreport",
  unsubscribe: "unsubscribed",
  group_unsubscribe: "unsubscribed",
};
// A message's status only moves forward: events arrive out of order (an open before its delivered).
const RANK = ["sent", "processed", "deferred", "delivered", "opened", "clicked", "replied", "unsubscribed", "spamreport", "bounced", "dropped"];
const SUPPRESSING: Record<string, string> = { bounce: "bounce", dropped: "dropped", spamreport: "spamreport", unsubscribe: "unsubscribe", group_unsubscribe: "unsubscribe" };
const ON_TIMELINE = new Set(["delivered", "bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe"]);

const SEQUENCE_STOP: Record<string, TStopReason> = { bounce: "bounced", dropped: "suppressed", spamreport: "unsubscribed", unsubscribe: "unsubscribed", group_unsubscribe: "unsubscribed" };

const rank = (status: string | null) => (status ? RANK.indexOf(status) : -1);
// "blocked" is a temporary refusal by the receiving server, not a dead address.
const suppresses = (e: TEvent) => e.event in SUPPRESSING && !(e.event === "bounce" && e.type === "blocked");

async function matchMessages(events: TEvent[]) {
  const ids = events.map((e) => Number(e.pilot_message_id)).filter((n) => Number.isInteger(n) && n > 0);
  // Without our custom arg, sg_message_id starts with the X-Message-Id SendGrid answered the send with.
  const providerIds = events.map((e) => e.sg_message_id?.split(".")[0]).filter((s): s is string => !!s);
  const rows = await db.emailMessage.findMany({
    where: { OR: [{ id: { in: ids } }, { sendgridMessageId: { in: providerIds } }] },
    select: { id: true, sendgridMessageId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r.id]));
  const byProvider = new Map(rows.filter((r) => r.sendgridMessageId).map((r) => [r.sendgridMessageId!, r.id]));
  return (e: TEvent) => byId.get(Number(e.pilot_message_id)) ?? byProvider.get(e.sg_message_id?.split(".")[0] ?? "") ?? null;
}

/**
 * Applies a batch from SendGrid's event webhook (already verified) in one transaction: each
 * sg_event_id once (a unique column decides, so redelivered or concurrent batches count once),
 * statuses forward only, open and click counts, and bounce/spam/unsubscribe/dropped addresses suppressed.
 */
export async function applySendgridEvents(batch: unknown) {
  if (!Array.isArray(batch)) throw new AppError("BAD_REQUEST", "Expected a JSON array of events");
  const events: TEvent[] = [];
  for (const raw of batch) {
    const parsed = ZEvent.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
  }
  const messageOf = await matchMessages(events);

  return db.$transaction(async (tx) => {
    const inserted = await tx.emailEvent.createManyAndReturn({
      data: events.map((e) => ({
        sgEventId: e.sg_event_id,
        messageId: messageOf(e),
        event: e.event,
        email: e.email?.toLowerCase() ?? null,
        payload: e as Prisma.InputJsonObject,
        occurredAt: new Date(e.timestamp * 1000),
      })),
      skipDuplicates: true,
      select: { sgEventId: true },
    });
    const fresh = new Set(inserted.map((r) => r.sgEventId));
    // The same id twice inside one batch is inserted once: only its first copy is applied.
    const applied = events.filter((e) => fresh.delete(e.sg_event_id));

    const suppress = applied.filter(suppresses).filter((e) => e.email);
    if (suppress.length)
      await tx.emailSuppression.createMany({ data: suppress.map((e) => ({ email: e.email!.toLowerCase(), reason: SUPPRESSING[e.event] })), skipDuplicates: true });

    const perMessage = new Map<number, TEvent[]>();
    for (const e of applied) {
      const id = messageOf(e);
      if (id !== null) perMessage.set(id, [...(perMessage.get(id) ?? []), e]);
    }
    for (const [messageId, list] of perMessage) await applyToMessage(tx, messageId, list);
    return { received: batch.length, applied: applied.length, duplicates: events.length - applied.length, invalid: batch.length - events.length };
  });
}

async function applyToMessage(tx: Prisma.TransactionClient, messageId: number, list: TEvent[]) {
  const opens = list.filter((e) => e.event === "open").length;
  const clicks = list.filter((e) => e.event === "click").length;
  const target = list.map((e) => STATUS_OF[e.event] ?? null).reduce((best, s) => (rank(s) > rank(best) ? s : best), null as string | null);
  // A message still `queued` is mid-send: its sender writes `sent` next, so events leave its status alone.
  const [row] = await tx.$queryRaw<{ lead_id: number | null; open_count: number; click_count: number }[]>`
    UPDATE email_messages SET
      open_count = open_count + ${opens},
      click_count = click_count + ${clicks},
      status = CASE
        WHEN ${target}::text IS NOT NULL AND status::text = ANY(${RANK}::text[])
          AND array_position(${RANK}::text[], status::text) < array_position(${RANK}::text[], ${target}::text)
        THEN ${target}::email_status ELSE status END,
      updated_at = now()
    WHERE id = ${messageId}
    RETURNING lead_id, open_count, click_count`;
  if (!row?.lead_id) return;
  // A bounce, spam report, unsubscribe or drop ends the lead's sequence at once.
  const stop = list.find(suppresses);
  if (stop) await stopLeadEnrolments(tx, row.lead_id, SEQUENCE_STOP[stop.event] ?? "suppressed");
  // Only the first open and first click make a timeline entry; later ones are counts.
  let firstOpen = opens > 0 && row.open_count === opens;
  let firstClick = clicks > 0 && row.click_count === clicks;
  for (const e of list) {
    const first = (e.event === "open" && firstOpen) || (e.event === "click" && firstClick);
    if (!ON_TIMELINE.has(e.event) && !first) continue;
    if (e.event === "open") firstOpen = false;
    if (e.event === "click") firstClick = false;
    await recordLeadEvent(tx, {
      leadId: row.lead_id,
      type: "email_event",
      data: { messageId, event: e.event, email: e.email ?? null, ...(e.reason ? { reason: e.reason } : {}), ...(e.url ? { url: e.url } : {}), at: new Date(e.timestamp * 1000).toISOString() },
    });
  }
}
