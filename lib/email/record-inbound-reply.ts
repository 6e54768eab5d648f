import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/command";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { replyTokenFrom } from "@/lib/email/email-config";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";

// The fields of SendGrid Inbound Parse (multipart form) that matter here.
export const ZInboundReply = z.object({
  from: z.string().max(1000).default(""),
  to: z.string().max(5000).default(""),
  cc: z.string().max(5000).default(""),
  subject: z.string().max(2000).default(""),
  text: z.string().max(500_000).default(""),
  html: z.string().max(2_000_000).default(""),
  /** JSON: {"to":["replies+token@…"],"from":"…"} — the real recipients, whatever the headers say. */
  envelope: z.string().max(10_000).default(""),
  /** The raw header block, for the Message-ID that makes a redelivered post count once. */
  headers: z.string().max(200_000).default(""),
});

function envelopeRecipients(envelope: string): string[] {
  try {
    const to = (JSON.parse(envelope) as { to?: unknown }).to;
    return Array.isArray(to) ? to.map(String) : [];
  } catch {
    return [];
  }
}

/** The reply itself, without the quoted original below it. */
function replySnippet(text: string): string {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^On .+wrote:\s*$/.test(line) || /^-{2,}\s*Original Message/i.test(line) || line.startsWith(">")) break;
    lines.push(line);
  }
  return lines.join("\n").trim().slice(0, 1000);
}

/**
 * Matches an inbound email to the message whose reply-to token it was sent to, and records the
 * reply: the message's `replied` status and reply time (the response-rate figure counts these),
 * an event row, and a timeline entry. Unmatched mail is acknowledged and dropped.
 */
export async function recordInboundReply(input: z.input<typeof ZInboundReply>) {
  const mail = parseInput(ZInboundReply, input);
  const candidates = [...envelopeRecipients(mail.envelope), ...mail.to.split(","), ...mail.cc.split(",")];
  const token = candidates.map(replyTokenFrom).find((t): t is string => t !== null);
  const message = token ? await db.emailMessage.findUnique({ where: { replyToken: token }, select: { id: true, leadId: true } }) : null;
  if (!message) return { matched: false as const };

  const messageIdHeader = mail.headers.match(/^message-id:\s*(.+)$/im)?.[1]?.trim();
  const identity = messageIdHeader ?? `${mail.from}\n${mail.subject}\n${mail.text}`;
  const sgEventId = `inbound:${crypto.createHash("sha256").update(identity).digest("hex")}`;
  const snippet = replySnippet(mail.text);

  return db.$transaction(async (tx) => {
    const created = await tx.emailEvent.createMany({
      data: [{ sgEventId, messageId: message.id, event: "replied", email: mail.from.slice(0, 320), payload: { from: mail.from, subject: mail.subject, snippet }, occurredAt: new Date() }],
      skipDuplicates: true,
    });
    if (created.count === 0) return { matched: true as const, messageId: message.id, duplicate: true };
    // Replied outranks delivered/opened/clicked but not an unsubscribe, spam report or bounce.
    await tx.$executeRaw`
      UPDATE email_messages SET
        replied_at = coalesce(replied_at, now()),
        status = CASE WHEN status IN ('sent', 'processed', 'deferred', 'delivered', 'opened', 'clicked') THEN 'replied'::email_status ELSE status END,
        updated_at = now()
      WHERE id = ${message.id}`;
    // A reply ends the lead's sequence: the rep takes the conversation from here.
    if (message.leadId) await stopLeadEnrolments(tx, message.leadId, "replied");
    if (message.leadId)
      await recordLeadEvent(tx, { leadId: message.leadId, type: "email_replied", data: { messageId: message.id, from: mail.from, subject: mail.subject, snippet } });
    return { matched: true as const, messageId: message.id, duplicate: false };
  });
}
