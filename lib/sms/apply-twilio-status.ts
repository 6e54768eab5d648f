import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/command";
import type { TextStatus } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { applyOptKeyword } from "@/lib/sms/text-opt-outs";

// The fields of Twilio's message status callback that matter here.
export const ZTwilioStatus = z.object({
  MessageSid: z.string().min(2).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
  ErrorMessage: z.string().max(1000).optional(),
  To: z.string().max(40).optional(),
});

// Twilio's words → ours. Intermediate ones (accepted, queued, sending, sent) leave a sent text as
// it is; only the final outcome is kept, and never replaced by an earlier word arriving late.
const FINAL: Record<string, TextStatus> = { delivered: "delivered", read: "delivered", undelivered: "undelivered", failed: "failed", canceled: "failed" };

/**
 * Applies one status callback to the text with that SID. Callbacks may come twice or out of order:
 * the update only moves a text that is still `sent` (or queued while its send is finishing), so a
 * redelivered or late callback changes nothing. Unknown SIDs are acknowledged and logged.
 */
export async function applyTwilioStatus(input: unknown): Promise<{ matched: boolean; status: string | null }> {
  const p = parseInput(ZTwilioStatus, input);
  const status = FINAL[p.MessageStatus.toLowerCase()];
  const message = await db.textMessage.findUnique({ where: { twilioSid: p.MessageSid }, select: { id: true, toPhone: true } });
  if (!message) {
    logger.warn({ twilioSid: p.MessageSid, messageStatus: p.MessageStatus }, "Twilio status for an unknown text");
    return { matched: false, status: null };
  }
  if (!status) return { matched: true, status: null };
  const errorCode = p.ErrorCode && /^\d+$/.test(p.ErrorCode) ? Number(p.ErrorCode) : null;
  await db.$transaction(async (tx) => {
    await tx.textMessage.updateMany({
      where: { id: message.id, status: { in: ["queued", "sent"] } },
      data: {
        status,
        deliveredAt: status === "delivered" ? new Date() : undefined,
        errorCode,
        error: status === "delivered" ? null : `Twilio reported ${p.MessageStatus}${errorCode ? ` (error ${errorCode})` : ""}${p.ErrorMessage ? `: ${p.ErrorMessage}` : ""}`,
      },
    });
    // 21610: the number had replied STOP to our sender; it joins our own list.
    if (errorCode === 21610) await applyOptKeyword(tx, message.toPhone, "stop", "STOP");
  });
  return { matched: true, status };
}
