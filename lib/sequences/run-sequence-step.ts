import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getCompanySettings, type TCompanySettings } from "@/lib/kernel/company-settings";
import { zonedDayBounds } from "@/lib/kernel/zoned-time";
import { jobSender } from "@/lib/jobs/job-boss";
import { sendJob } from "@/lib/jobs/send-job";
import { recordLeadEvent } from "@/lib/leads/record-lead-event";
import { dispatchEmail } from "@/lib/email/dispatch-email";
import { emailRecipients, leadVariableValues } from "@/lib/email/lead-variables";
import { LEAD_EMAIL_SELECT, loadSender, toLeadEmailRow } from "@/lib/email/load-email-context";
import { assertRendered, renderTemplate } from "@/lib/email/render-template";
import { sendLeadText } from "@/lib/sms/send-lead-text";
import { stepDueAt, windowOpening } from "@/lib/sequences/sequence-schedule";
import { sequenceStepJobKey, type TSequenceStepJob } from "@/lib/sequences/sequence-step-job";
import { stopLeadEnrolments } from "@/lib/sequences/stop-lead-enrolments";
import type { TStopReason } from "@/lib/sequences/sequence-vocabulary";

type TTx = Prisma.TransactionClient;
type TStep = { id: number; position: number; kind: string; delayAmount: number; delayUnit: string; templateId: number | null; textTemplateId: number | null; body: string | null };
type TEnrolment = { id: number; sequence_id: number; lead_id: number; rep_id: number; status: string; position: number; next_run_at: Date | null; created_at: Date };

export type TStepOutcome =
  | { outcome: "stale" | "early" }
  | { outcome: "stopped"; reason: TStopReason }
  | { outcome: "deferred"; until: Date; why: "window" | "cap" }
  | { outcome: "ran"; kind: string; status: string; emailMessageId?: number | null };

/** A job may start a moment before its due time by the clocks of two machines. */
const EARLY_TOLERANCE_MS = 1000;
const SUPPRESSION_STOP: Record<string, TStopReason> = { bounce: "bounced", dropped: "suppressed", spamreport: "unsubscribed", unsubscribe: "unsubscribed" };

async function lockEnrolment(tx: TTx, id: number): Promise<TEnrolment | undefined> {
  const [row] = await tx.$queryRaw<TEnrolment[]>`
    SELECT id, sequence_id, lead_id, rep_id, status, position, next_run_at, created_at
      FROM sequence_enrolments WHERE id = ${id} FOR UPDATE`;
  return row;
}

/** The reason this enrolment must stop now, read from the lead as it is (not from events that may not have called us). */
async function stopReasonNow(tx: TTx, e: TEnrolment, step: TStep): Promise<TStopReason | null> {
  const lead = await tx.salesLead.findUniqueOrThrow({ where: { id: e.lead_id }, select: { ...LEAD_EMAIL_SELECT } });
  if (lead.status === "converted") return "converted";
  if (lead.status === "lost") return "lost";
  if (lead.status === "pending" || lead.assignedAdminId === null) return "released";
  if (lead.assignedAdminId !== e.rep_id) return "reassigned";
  const replied = await tx.emailMessage.findFirst({ where: { leadId: e.lead_id, repliedAt: { gte: e.created_at } }, select: { id: true } });
  const texted = await tx.textMessage.findFirst({ where: { leadId: e.lead_id, direction: "inbound", createdAt: { gte: e.created_at } }, select: { id: true } });
  if (replied || texted) return "replied";
  const bounced = await tx.emailMessage.findFirst({
    where: { leadId: e.lead_id, createdAt: { gte: e.created_at }, status: { in: ["bounced", "dropped", "unsubscribed", "spamreport"] } },
    select: { status: true },
  });
  if (bounced) return bounced.status === "bounced" ? "bounced" : bounced.status === "dropped" ? "suppressed" : "unsubscribed";
  if (step.kind === "email") {
    const to = emailRecipients(toLeadEmailRow(lead))[0]?.email.toLowerCase();
    if (!to) return "no_address";
    const s = await tx.emailSuppression.findUnique({ where: { email: to } });
    if (s) return SUPPRESSION_STOP[s.reason] ?? "suppressed";
  }
  return null;
}

/** Moves the enrolment to its next step (queued at its due time, in this transaction) or completes it. */
async function advance(tx: TTx, e: TEnrolment, steps: TStep[], ranAt: Date, settings: TCompanySettings): Promise<void> {
  const next = steps[e.position + 1];
  if (!next) {
    await tx.sequenceEnrolment.update({ where: { id: e.id }, data: { status: "completed", position: e.position + 1, nextRunAt: null } });
    return;
  }
  const due = stepDueAt(ranAt, next, settings);
  await tx.sequenceEnrolment.update({ where: { id: e.id }, data: { position: next.position, nextRunAt: due } });
  await queueStep(tx, e.id, next.position, due);
}

async function queueStep(tx: TTx, enrolmentId: number, position: number, at: Date): Promise<void> {
  const jobId = await sendJob("sequence-step", { enrolmentId, position }, { startAfter: at, singletonKey: sequenceStepJobKey(enrolmentId, position), transaction: tx });
  if (!jobId) throw new Error(`sequence-step did not take the job of enrolment ${enrolmentId}`);
}

/** Puts the step off to `until` (outside the window, or the rep's cap reached today). */
async function defer(tx: TTx, e: TEnrolment, until: Date): Promise<void> {
  await tx.sequenceEnrolment.update({ where: { id: e.id }, data: { nextRunAt: until } });
  await queueStep(tx, e.id, e.position, until);
}

type TClaim = { result: TStepOutcome } | { send: { runId: number; enrolment: TEnrolment; step: TStep; steps: TStep[] } };

/**
 * The sequence-step job: runs step `position` of an enrolment once, whatever the number of runners
 * and however often pg-boss delivers it.
 *
 * 1. Under the enrolment's row lock: nothing if it is no longer active at this position or not yet
 *    due (a stale job after a pause, resume or deferral); stop it if a stop condition holds now;
 *    put a send off to the sending window or, past the rep's daily cap, to the next day's window.
 * 2. Claim the step: insert the step-run row, unique on (enrolment, position). A wait or a call
 *    task completes in this same transaction (the call task is the lead's follow-up at this time,
 *    so it lands in the rep's call list) and the next step's job is queued with it.
 * 3. An email is dispatched with the idempotency key of its step run: dispatchEmail's unique reply
 *    token turns a second dispatch (a retry after a crash between send and record, a second
 *    runner) into a replay of the first message, never a second message.
 * 4. Record the send and advance, conditional on the enrolment still being at this position.
 */
export async function runSequenceStep(job: TSequenceStepJob, now: Date = new Date()): Promise<TStepOutcome> {
  await jobSender();
  const settings = await getCompanySettings();
  const claim = await db.$transaction(async (tx): Promise<TClaim> => {
    const e = await lockEnrolment(tx, job.enrolmentId);
    if (!e || e.status !== "active" || e.position !== job.position) return { result: { outcome: "stale" } };
    if (e.next_run_at && e.next_run_at.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { result: { outcome: "early" } };
    const steps: TStep[] = await tx.sequenceStep.findMany({ where: { sequenceId: e.sequence_id }, orderBy: { position: "asc" } });
    const step = steps.find((s) => s.position === e.position);
    if (!step) {
      await tx.sequenceEnrolment.update({ where: { id: e.id }, data: { status: "completed", nextRunAt: null } });
      return { result: { outcome: "stale" } };
    }
    // A claim left by a run that died before recording its send: finish that send, do not start anew.
    const earlier = await tx.sequenceStepRun.findUnique({ where: { enrolmentId_position: { enrolmentId: e.id, position: e.position } } });
    if (earlier?.status === "claimed") return { send: { runId: earlier.id, enrolment: e, step, steps } };
    if (earlier) {
      await advance(tx, e, steps, earlier.ranAt, settings);
      return { result: { outcome: "ran", kind: step.kind, status: earlier.status } };
    }

    const reason = await stopReasonNow(tx, e, step);
    if (reason) {
      await stopLeadEnrolments(tx, e.lead_id, reason);
      return { result: { outcome: "stopped", reason } };
    }
    const sends = step.kind === "email" || step.kind === "text";
    if (sends) {
      const window = windowOpening(now, settings.timeZone, settings.sequenceSending);
      if (window.getTime() > now.getTime()) {
        await defer(tx, e, window);
        return { result: { outcome: "deferred", until: window, why: "window" } };
      }
      const day = zonedDayBounds(now, settings.timeZone);
      const sentToday = await tx.sequenceStepRun.count({
        where: { repId: e.rep_id, kind: { in: ["email", "text"] }, status: { in: ["claimed", "sent"] }, ranAt: { gte: day.start, lt: day.end } },
      });
      if (sentToday >= settings.sequenceSending.dailyCapPerRep) {
        const tomorrow = windowOpening(day.end, settings.timeZone, settings.sequenceSending);
        await defer(tx, e, tomorrow);
        return { result: { outcome: "deferred", until: tomorrow, why: "cap" } };
      }
    }
    const run = await tx.sequenceStepRun.create({
      data: { enrolmentId: e.id, position: e.position, stepId: step.id, kind: step.kind, repId: e.rep_id, status: sends ? "claimed" : "done", dueAt: e.next_run_at ?? now, ranAt: now },
    });
    if (sends) return { send: { runId: run.id, enrolment: e, step, steps } };

    if (step.kind === "call") {
      // The call task is the lead's follow-up at this time: it shows in the rep's call list as due.
      // An earlier follow-up the rep set stays (it is sooner); a later one is brought forward.
      await tx.$executeRaw`
        UPDATE sales_leads SET next_follow_up_at = ${now}, next_follow_up_has_time = true, updated_at = now()
         WHERE id = ${e.lead_id} AND (next_follow_up_at IS NULL OR next_follow_up_at > ${now})`;
      await recordLeadEvent(tx, { leadId: e.lead_id, type: "sequence_step", data: { enrolmentId: e.id, kind: "call", detail: step.body ? `Call task: ${step.body}` : "Call task" } });
    }
    await advance(tx, e, steps, now, settings);
    return { result: { outcome: "ran", kind: step.kind, status: "done" } };
  });
  if ("result" in claim) return claim.result;
  return finishSend(claim.send, now, settings);
}

async function finishSend(c: { runId: number; enrolment: TEnrolment; step: TStep; steps: TStep[] }, now: Date, settings: TCompanySettings): Promise<TStepOutcome> {
  const { enrolment: e, step } = c;
  let messageId: number | null = null;
  let textId: number | null = null;
  let failure: AppError | null = null;
  try {
    if (step.kind === "text") textId = await sendTextStep(e, step, c.runId, now);
    else messageId = await sendEmailStep(e, step, c.runId);
  } catch (err) {
    // A transient failure (database, SendGrid unreachable before the message was stored) is
    // retried by pg-boss: the claim stays, so the retry finishes this same send.
    if (!(err instanceof AppError) || err.code === "UNAVAILABLE") throw err;
    failure = err;
  }
  return db.$transaction(async (tx) => {
    const locked = await lockEnrolment(tx, e.id);
    const suppressed = failure?.issues?.some((i) => i.path === "to") ?? false;
    await tx.sequenceStepRun.update({
      where: { id: c.runId },
      data: { status: failure ? "skipped" : "sent", emailMessageId: messageId, textMessageId: textId, detail: failure?.message ?? null },
    });
    if (!locked || locked.status !== "active" || locked.position !== e.position)
      return { outcome: "ran", kind: step.kind, status: failure ? "skipped" : "sent", emailMessageId: messageId } as const;
    if (suppressed) {
      // An email address on the suppression list, or a number that texted STOP.
      const reason = step.kind === "text" ? "unsubscribed" : "suppressed";
      await stopLeadEnrolments(tx, e.lead_id, reason);
      return { outcome: "stopped", reason } as const;
    }
    if (failure) await recordLeadEvent(tx, { leadId: e.lead_id, type: "sequence_step", data: { enrolmentId: e.id, kind: step.kind, detail: `Not sent: ${failure.message}` } });
    await advance(tx, locked, c.steps, now, settings);
    return { outcome: "ran", kind: step.kind, status: failure ? "skipped" : "sent", emailMessageId: messageId } as const;
  });
}

/**
 * The text step through lib/sms's one texting path, as the lead's rep, keyed by the step run: a
 * second call (a retry after a crash, a second runner) answers the first text. sendLeadText renders
 * the step's text template (its version of now) or the step's own words with the lead's values; an
 * archived template is refused there, so the run is skipped with that reason, as an email step's.
 * Outside the lead's own texting hours the text waits in the queue until they open ("defer").
 */
async function sendTextStep(e: TEnrolment, step: TStep, runId: number, now: Date): Promise<number> {
  const rep = await db.user.findUniqueOrThrow({ where: { id: e.rep_id }, select: { id: true, role: true, name: true, email: true } });
  const words = step.textTemplateId !== null ? { templateId: step.textTemplateId } : { body: step.body ?? "" };
  const sent = await sendLeadText(rep, { leadId: e.lead_id, ...words, idempotencyKey: `sequence-step-run:${runId}` }, { outsideHours: "defer", now });
  return sent.id;
}

/** The email step through the app's one email path, as the lead's rep, keyed by the step run. */
async function sendEmailStep(e: TEnrolment, step: TStep, runId: number): Promise<number> {
  const template = step.templateId ? await db.emailTemplate.findUnique({ where: { id: step.templateId } }) : null;
  if (!template || template.archived) throw new AppError("UNPROCESSABLE", "The step's template was archived.");
  const row = await db.salesLead.findUniqueOrThrow({ where: { id: e.lead_id }, select: LEAD_EMAIL_SELECT });
  const lead = toLeadEmailRow(row);
  const to = emailRecipients(lead)[0]?.email.toLowerCase();
  if (!to) throw new AppError("UNPROCESSABLE", "This lead has no email address.");
  const sender = { id: e.rep_id, ...(await loadSender(e.rep_id)) };
  const rendered = renderTemplate({ subject: template.subject, body: template.body }, leadVariableValues(lead, sender, to));
  assertRendered(rendered);
  const sent = await dispatchEmail({
    sender,
    leadId: lead.id,
    to,
    rendered,
    template: { id: template.id, version: template.version },
    idempotencyKey: `sequence-step-run:${runId}`,
  });
  return sent.id;
}
