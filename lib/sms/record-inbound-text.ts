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
 * Records a text a lead sent us. The lead is the one last texted at that number (an unknown number
 * is stored without a lead). STOP/START words (or Twilio's OptOutType) change the opt-out list.
 * In one transaction: the inbound row (unique Twilio SID: a redelivered webhook stores nothing
 * twice), the opt-out change, the lead's `text_received` event, a notification to the lead's holder (inbox + live) and
 * the sequences' stop hook.
 */
export async function recordInboundText(input: unknown): Promise<{ stored: boolean; leadId: number | null; optOut: "stop" | "start" | null }> {
  const p = parseInput(ZInboundText, input);
  const from = toE164(p.From) ?? p.From;
  const typed = p.OptOutType?.toUpperCase();
  const opt = typed === "STOP" ? "stop" : typed === "START" ? "start" : optKeyword(p.Body);
  const last = await db.textMessage.findFirst({
    where: { toPhone: from, direction: "outbound", leadId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { leadId: true, lead: { select: { assignedAdminId: true, company: { select: { name: true } } } } },
  });
  const leadId = last?.leadId ?? null;

  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.textMessage.create({
        data: { leadId, direction: "inbound", toPhone: toE164(p.To) ?? p.To, fromPhone: from, body: p.Body, status: "received", twilioSid: p.MessageSid },
      });
      if (opt) await applyOptKeyword(tx, from, opt, p.Body.trim().toUpperCase() || typed || opt.toUpperCase());
      if (leadId !== null) {
        await recordLeadEvent(tx, { leadId, type: "text_received", data: { messageId: created.id, from, optOut: opt } });
        const holder = last?.lead?.assignedAdminId;
        if (holder)
          await notifyUser(tx, {
            userId: holder,
            kind: "text_reply",
            leadId,
            href: `/admin/crm/lead/${leadId}`,
            title: opt === "stop" ? `${last.lead!.company.name} opted out of texts` : `Text from ${last.lead!.company.name}`,
            body: p.Body.slice(0, 200),
          });
        // A reply ends the lead's sequence in this transaction: STOP as unsubscribed, any other text as replied.
        await stopLeadEnrolments(tx, leadId, opt === "stop" ? "unsubscribed" : "replied");
      }
      return { stored: true, leadId, optOut: opt };
    });
  } catch (err) {
    // Twilio delivers a webhook again when our answer was slow or lost: one row per SID.
    if ((err as { code?: string }).code === "P2002") return { stored: false, leadId, optOut: opt };
    throw err;
  }
}
