import "server-only";
import { db } from "@/lib/db";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { listSlaRecipients, type TSlaRecipient, type TSlaTimerKind } from "@/lib/sla/list-sla-recipients";
import { sendEscalationEmails } from "@/lib/sla/send-escalation-emails";

export type TFireResult =
  | { fired: true; kind: TSlaTimerKind; notified: number[]; emailed: number }
  | { fired: false; kind: TSlaTimerKind; reason: "missing" | "not_pending" | "not_due" | "already"; emailed?: number };

type TEscalationEmails = { about: { id: number; companyName: string; minutes: number }; managers: TSlaRecipient[] };

/**
 * One timer of one lead, the handler of lead-sla-alert and lead-sla-escalate (and of the sweep).
 * Idempotent and race-safe: the lead's row is locked, a lead claimed, assigned or closed meanwhile
 * is left alone, and the sla_events row (unique per lead and kind) is written in the same
 * transaction as the notices, so two runners, a retry or a restart fire it once. A timer whose
 * moment has not come (the manager lengthened it since the job was queued) does nothing; the
 * sweep fires it when it is due.
 */
export async function fireLeadSlaTimer(input: { leadId: number; kind: TSlaTimerKind }, now: Date = new Date()): Promise<TFireResult> {
  const { leadId, kind } = input;
  const { result, emails } = await db.$transaction(
    async (tx): Promise<{ result: TFireResult; emails?: TEscalationEmails }> => {
      const skip = (reason: "missing" | "not_pending" | "not_due" | "already") => ({ fired: false as const, kind, reason });
      const [lead] = await tx.$queryRaw<{ status: TLeadStatus; states: string[]; created_at: Date; company_name: string }[]>`
        SELECT l.status::text AS status, l.states, l.created_at, c.name AS company_name
        FROM sales_leads l JOIN companies c ON c.id = l.company_id
        WHERE l.id = ${leadId} FOR UPDATE OF l`;
      if (!lead) return { result: skip("missing") };
      const { slaTimers } = await getCompanySettings(tx);
      const minutes = kind === "alert" ? slaTimers.alertMinutes : slaTimers.escalateMinutes;
      const about = { id: leadId, companyName: lead.company_name, minutes };
      const earlier = await tx.slaEvent.findUnique({ where: { leadId_kind: { leadId, kind } } });
      if (earlier) {
        // Fired before; an escalation's emails are finished here if a crash cut them short.
        if (kind === "alert") return { result: skip("already") };
        const managers = await tx.user.findMany({ where: { id: { in: earlier.notified } }, select: { id: true, name: true, email: true, phone: true } });
        return { result: skip("already"), emails: { about, managers } };
      }
      if (lead.status !== "pending") return { result: skip("not_pending") };
      if (now.getTime() < lead.created_at.getTime() + minutes * 60_000) return { result: skip("not_due") };

      const recipients = await listSlaRecipients(tx, kind, lead.states);
      const notified = recipients.map((r) => r.id);
      // The lock serialises runs of this lead; ON CONFLICT is the second wall.
      const inserted = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO sla_events (lead_id, kind, notified) VALUES (${leadId}, ${kind}, ${notified}::int[])
        ON CONFLICT (lead_id, kind) DO NOTHING RETURNING id`;
      if (!inserted.length) return { result: skip("already") };
      const where = lead.states.length ? ` (${lead.states.join(", ")})` : "";
      for (const r of recipients)
        await publishLiveEvent(tx, {
          kind: "user.notice",
          userId: r.id,
          leadId,
          title: kind === "alert" ? `Waiting ${minutes} min: ${lead.company_name}` : `Unclaimed for ${minutes} min: ${lead.company_name}`,
          body: kind === "alert" ? `${lead.company_name}${where} is still in the pool. Claim it and call.` : `No rep has claimed ${lead.company_name}${where}. Assign it.`,
        });
      await recordLeadEvent(tx, { leadId, actorId: null, type: kind === "alert" ? "sla_alerted" : "sla_escalated", data: { minutes, notified } });
      const result: TFireResult = { fired: true, kind, notified, emailed: 0 };
      return kind === "escalation" ? { result, emails: { about, managers: recipients } } : { result };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
  // After the commit: the email path makes its own rows and may call SendGrid.
  if (!emails) return result;
  return { ...result, emailed: await sendEscalationEmails(emails.about, emails.managers) };
}
