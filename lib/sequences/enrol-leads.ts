import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, type TErrorCode } from "@/lib/errors";
import { command } from "@/lib/command";
import { toAppError } from "@/lib/to-app-error";
import { zId } from "@/lib/leads/lead-input";
import { leadTransaction, lockLead } from "@/lib/leads/lead-transaction";
import { assertStep } from "@/lib/leads/lead-rules";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { jobSender } from "@/lib/jobs/job-boss";
import { sendJob } from "@/lib/jobs/send-job";
import { emailRecipients } from "@/lib/email/lead-variables";
import { LEAD_EMAIL_SELECT, toLeadEmailRow } from "@/lib/email/load-email-context";
import { maySeeSequence, TEXT_STEPS_AVAILABLE, TEXT_STEPS_UNAVAILABLE } from "@/lib/sequences/sequence-access";
import { stepDueAt } from "@/lib/sequences/sequence-schedule";
import { sequenceStepJobKey } from "@/lib/sequences/sequence-step-job";

const MAX_LEADS = 100;

export const ZEnrolLeads = z.object({
  sequence_id: zId("Sequence"),
  lead_ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(zId("Lead id"), { error: "Select some leads" }).min(1, "Select some leads").max(MAX_LEADS, `At most ${MAX_LEADS} leads at once`),
  ),
});
export type TEnrolLeads = z.input<typeof ZEnrolLeads>;

export type TEnrolRowResult = { leadId: number; ok: boolean; code?: TErrorCode; message: string; enrolmentId?: number };
export type TEnrolResult = { succeeded: number; refused: number; results: TEnrolRowResult[] };

/**
 * Enrols one lead or many (the leads table's bulk bar) in a sequence, each lead in its own
 * transaction so a refused row (not the rep's, closed, already in a sequence, no email address)
 * is reported and the others go through, one line per lead as the other bulk actions do. Each
 * enrolment commits with the job of its first step (startAfter = its due time), so a lead is never
 * enrolled without the work that moves it.
 */
export const enrolLeads = command(ZEnrolLeads, async (actor, data, now: Date = new Date()): Promise<TEnrolResult> => {
  const sequence = await db.sequence.findUnique({
    where: { id: data.sequence_id },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  if (!sequence || !maySeeSequence(actor, sequence)) throw new AppError("NOT_FOUND", "Sequence not found");
  if (sequence.archived) throw new AppError("CONFLICT", "This sequence is archived; choose another.");
  if (!sequence.steps.length) throw new AppError("CONFLICT", "This sequence has no steps.");
  if (!TEXT_STEPS_AVAILABLE && sequence.steps.some((s) => s.kind === "text")) throw new AppError("CONFLICT", TEXT_STEPS_UNAVAILABLE);
  const sendsEmail = sequence.steps.some((s) => s.kind === "email");
  const settings = await getCompanySettings();
  const firstDue = stepDueAt(now, sequence.steps[0], settings);
  await jobSender();

  const results: TEnrolRowResult[] = [];
  for (const leadId of [...new Set(data.lead_ids)]) {
    try {
      const enrolmentId = await leadTransaction(async (tx) => {
        const lead = await lockLead(tx, leadId);
        assertStep(actor, "enrol", lead);
        const repId = lead.assignedAdminId!;
        // A rep's own sequence sends as that rep: nobody else's lead may run it.
        if (sequence.ownerId !== null && sequence.ownerId !== repId)
          throw new AppError("FORBIDDEN", "This is a rep's own sequence; it can run only on that rep's leads.");
        if (sendsEmail) {
          const row = await tx.salesLead.findUniqueOrThrow({ where: { id: leadId }, select: LEAD_EMAIL_SELECT });
          if (!emailRecipients(toLeadEmailRow(row)).length)
            throw new AppError("UNPROCESSABLE", "This lead has no email address: add a contact with an email first.");
        }
        const live = await tx.sequenceEnrolment.findFirst({
          where: { leadId, status: { in: ["active", "paused"] } },
          select: { sequence: { select: { name: true } } },
        });
        if (live) throw new AppError("CONFLICT", `Already in the sequence "${live.sequence.name}"; stop it first.`);
        const enrolment = await tx.sequenceEnrolment.create({
          data: { sequenceId: sequence.id, leadId, repId, enrolledById: actor.id, position: 0, nextRunAt: firstDue, createdAt: now },
        });
        await recordLeadEvent(tx, {
          leadId,
          actorId: actor.id,
          type: "sequence_enrolled",
          data: { enrolmentId: enrolment.id, sequenceId: sequence.id, sequenceName: sequence.name, firstStepAt: firstDue.toISOString() },
        });
        const jobId = await sendJob("sequence-step", { enrolmentId: enrolment.id, position: 0 }, {
          startAfter: firstDue,
          singletonKey: sequenceStepJobKey(enrolment.id, 0),
          transaction: tx,
        });
        if (!jobId) throw new Error(`sequence-step did not take the job of enrolment ${enrolment.id}`);
        return enrolment.id;
      });
      results.push({ leadId, ok: true, message: `Enrolled in ${sequence.name}`, enrolmentId });
    } catch (err) {
      // Two enrolments racing for one lead: the partial unique index lets one win.
      const e = (err as { code?: string }).code === "P2002" ? new AppError("CONFLICT", "Already in a sequence; stop it first.") : toAppError(err);
      results.push({ leadId, ok: false, code: e.code, message: e.message });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, refused: results.length - succeeded, results };
});
