import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/command";
import { toE164 } from "@/lib/kernel/phone";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { notifyUser } from "@/lib/notifications/notify-user";
import { applyOptKeyword } from "@/lib/sms/text-opt-outs";
import { optKeyword } from "@/lib/sms/opt-keywords";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";
import { findLeadForInboundText } from "@/lib/sms/find-lead-for-inbound-text";

// The fields of Twilio's incoming-message webhook that matter here.
export const ZInboundText = z.object({
  MessageSid: z.string().min(2).max(64),
  From: z.string().min(1).max(40),
  To: z.string().max(40).default(""),
  Body: z.string().max(10_000).default(""),
  /** Sent by Twilio when Advanced Opt-Out is on: STOP, START or HELP. */
  OptOutType: z.string().max(16).optional(),
});

/**
 * Records a text sent to us. Its lead (findLeadForInboundText): the one last texted at that number,
 * else the newest lead of the company the number belongs to (its own or a contact's); a number we
 * know nothing of is stored without a lead, for the manager's list on the Texts page. STOP/START
 * words (or Twilio's OptOutType) change the opt-out list. In one transaction: the inbound row
 * (unique Twilio SID: a redelivered webhook stores nothing twice), the opt-out change, and with a
 * lead its `text_received` event, a notification to the lead's holder (inbox + live) and the
 * sequences' stop hook — the same for a reply and for a first text from a known number.
 */
export async function recordInboundText(input: unknown): Promise<{ stored: boolean; leadId: number | null; optOut: "stop" | "start" | null }> {
  const p = parseInput(ZInboundText, input);
  const from = toE164(p.From) ?? p.From;
  const typed = p.OptOutType?.toUpperCase();
  const opt = typed === "STOP" ? "stop" : typed === "START" ? "start" : optKeyword(p.Body);
  const match = await findLeadForInboundText(from);
  const leadId = match?.leadId ?? null;

  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.textMessage.create({
        data: { leadId, direction: "inbound", toPhone: toE164(p.To) ?? p.To, fromPhone: from, body: p.Body, status: "received", twilioSid: p.MessageSid },
      });
      if (opt) await applyOptKeyword(tx, from, opt, p.Body.trim().toUpperCase() || typed || opt.toUpperCase());
      if (match) {
        await recordLeadEvent(tx, { leadId: match.leadId, type: "text_received", data: { messageId: created.id, from, optOut: opt, matchedBy: match.matchedBy } });
        if (match.holderId)
          await notifyUser(tx, {
            userId: match.holderId,
            kind: "text_reply",
            leadId: match.leadId,
            href: `/admin/crm/lead/${match.leadId}`,
            title: opt === "stop" ? `${match.companyName} opted out of texts` : `Text from ${match.companyName}`,
            body: p.Body.slice(0, 200),
          });
        // A reply ends the lead's sequence in this transaction: STOP as unsubscribed, any other text as replied.
        await stopLeadEnrolments(tx, match.leadId, opt === "stop" ? "unsubscribed" : "replied");
      }
      return { stored: true, leadId, optOut: opt };
    });
  } catch (err) {
    // Twilio delivers a webhook again when our answer was slow or lost: one row per SID.
    if ((err as { code?: string }).code === "P2002") return { stored: false, leadId, optOut: opt };
    throw err;
  }
}
