import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { isManager } from "@/lib/auth/permissions";
import { zId } from "@/lib/leads/lead-input";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { nextWindowInstant } from "@/lib/kernel/business-hours";
import { jobSender } from "@/lib/jobs/job-boss";
import { sendJob } from "@/lib/jobs/send-job";
import { sequenceStepJobKey } from "@/lib/sequences/sequence-step-job";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";

export const ZSetEnrolmentState = z.object({
  enrolment_id: zId("Enrolment"),
  op: z.enum(["pause", "resume", "stop"], { error: "Choose pause, resume or stop" }),
});
export type TSetEnrolmentState = z.input<typeof ZSetEnrolmentState>;

/**
 * Pause, resume or stop a lead's enrolment by hand: its rep or the manager (anyone else: 404).
 * A pause keeps the position; the waiting job then finds it paused and does nothing. A resume
 * queues the step again at its due time, or at once (within the sending window) if that passed.
 */
export const setEnrolmentState = command(ZSetEnrolmentState, async (actor, data, now: Date = new Date()) => {
  const settings = await getCompanySettings();
  await jobSender();
  return db.$transaction(async (tx) => {
    const [e] = await tx.$queryRaw<{ id: number; lead_id: number; rep_id: number; status: string; position: number; next_run_at: Date | null }[]>`
      SELECT id, lead_id, rep_id, status, position, next_run_at FROM sequence_enrolments WHERE id = ${data.enrolment_id} FOR UPDATE`;
    if (!e || (!isManager(actor) && e.rep_id !== actor.id)) throw new AppError("NOT_FOUND", "Enrolment not found");
    if (e.status !== "active" && e.status !== "paused") throw new AppError("CONFLICT", `This enrolment is ${e.status}; it cannot change now.`);
    if (data.op === "stop") {
      await stopLeadEnrolments(tx, e.lead_id, "manual", actor.id);
      return { id: e.id, leadId: e.lead_id, status: "stopped" };
    }
    if (data.op === "pause") {
      if (e.status === "paused") throw new AppError("CONFLICT", "This enrolment is already paused.");
      await tx.sequenceEnrolment.update({ where: { id: e.id }, data: { status: "paused" } });
      await recordLeadEvent(tx, { leadId: e.lead_id, actorId: actor.id, type: "sequence_paused", data: { enrolmentId: e.id } });
      return { id: e.id, leadId: e.lead_id, status: "paused" };
    }
    if (e.status === "active") throw new AppError("CONFLICT", "This enrolment is already running.");
    const at = nextWindowInstant(e.next_run_at && e.next_run_at > now ? e.next_run_at : now, settings.timeZone, settings.sequenceSending);
    await tx.sequenceEnrolment.update({ where: { id: e.id }, data: { status: "active", nextRunAt: at } });
    await sendJob("sequence-step", { enrolmentId: e.id, position: e.position }, { startAfter: at, singletonKey: sequenceStepJobKey(e.id, e.position), transaction: tx });
    await recordLeadEvent(tx, { leadId: e.lead_id, actorId: actor.id, type: "sequence_resumed", data: { enrolmentId: e.id, nextStepAt: at.toISOString() } });
    return { id: e.id, leadId: e.lead_id, status: "active" };
  });
});
