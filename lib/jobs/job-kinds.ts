import { z } from "zod";
import { emailConfig } from "@/lib/email/email-config";
import { smsConfig } from "@/lib/sms/sms-config";
import { ZRemindFollowUpJob } from "@/lib/follow-ups/follow-up-job-data";
import { ZSequenceStepJob } from "@/lib/sequences/sequence-step-job";

// Every kind of background job, in one place: what data it takes (checked with zod when sent
// and again before the handler runs), how it retries and, for periodic work, its cron schedule.
// Each kind's handler, a domain function, is named beside it in lib/jobs/job-handlers.ts (typed
// so that every kind has one): senders (dispatchEmail) import this file, only runners import the
// handlers, and no domain module imports itself in a circle.

export type TJobContext = { kind: string; jobId: string; retryCount: number; retryLimit: number };

/** pg-boss's retry options: `retryDelay` in seconds; with backoff each wait is about twice the last. */
export type TRetryPolicy = { retryLimit: number; retryDelay: number; retryBackoff: boolean };

export type TJobKind<S extends z.ZodType = z.ZodType> = {
  /** One line for the Jobs page. */
  description: string;
  data: S;
  /** Read when a job is sent, so a policy may follow the environment (email's SENDGRID_* settings). */
  retry: () => TRetryPolicy;
  /** A run still active after this long is failed (and retried): a hung handler never blocks its kind. */
  expireInSeconds: number;
  /** Cron expression; pg-boss's own lock makes each tick run once across every instance. */
  schedule?: { cron: string; tz?: string };
  /**
   * pg-boss queue policy. `standard` (the default) queues every send; `short` keeps at most one
   * waiting job per singletonKey, so a timer sent twice for one lead exists once.
   */
  policy?: "standard" | "short";
};

/** A kind with its handler, as a runner works it. */
export type TRunnableJobKind<S extends z.ZodType = z.ZodType> = TJobKind<S> & {
  run: (data: z.output<S>, context: TJobContext) => Promise<unknown>;
};

function defineJobKind<S extends z.ZodType>(kind: TJobKind<S>): TJobKind<S> {
  return kind;
}

const NO_DATA = z.object({}).passthrough();

export const JOB_KINDS = {
  "email-deliver": defineJobKind({
    description: "Sends a queued email again after SendGrid answered 429 or 5xx, or after a server stopped before sending it",
    data: z.object({ messageId: z.number().int().positive() }),
    // The message's own SENDGRID_MAX_ATTEMPTS ends the retries of SendGrid; the job's limit is
    // the backstop for anything else (the database away for a moment).
    retry: () => {
      const config = emailConfig();
      return { retryLimit: config.maxAttempts + 2, retryDelay: Math.max(1, Math.ceil(config.retryDelayMs / 1000)), retryBackoff: true };
    },
    expireInSeconds: 120,
  }),
  // Texts (lib/sms/): the first try happens in the sender's request; this job is the try after a
  // 429/5xx, the send held for the lead's texting hours, and the backstop for a stopped server.
  "text-deliver": defineJobKind({
    description: "Sends a queued text: after Twilio answered 429 or 5xx, at the lead's next texting hour, or after a server stopped before sending it",
    data: z.object({ messageId: z.number().int().positive() }),
    retry: () => {
      const config = smsConfig();
      return { retryLimit: config.maxAttempts + 2, retryDelay: Math.max(1, Math.ceil(config.retryDelayMs / 1000)), retryBackoff: true };
    },
    expireInSeconds: 120,
  }),
  "email-recover-stuck": defineJobKind({
    description: "Finishes emails a stopped server left queued: hands never-attempted ones to email-deliver, fails interrupted ones",
    data: NO_DATA,
    retry: () => ({ retryLimit: 2, retryDelay: 60, retryBackoff: false }),
    expireInSeconds: 300,
    schedule: { cron: "*/5 * * * *" },
  }),
  // Speed-to-lead timers (lib/sla/): one delayed job per new pool lead and timer, keyed by lead, so
  // it waits once; the firing itself is recorded in sla_events (unique per lead and kind), so it
  // happens once however often it runs. The sweep catches timers whose job was never sent.
  "lead-sla-alert": defineJobKind({
    description: "Reminds the territory's reps of a lead still unclaimed after the alert minutes (once per lead)",
    data: z.object({ leadId: z.number().int().positive() }),
    retry: () => ({ retryLimit: 5, retryDelay: 15, retryBackoff: true }),
    expireInSeconds: 60,
    policy: "short",
  }),
  "lead-sla-escalate": defineJobKind({
    description: "Tells the manager (in app, and by email when SendGrid is set up) of a lead still unclaimed after the escalation minutes",
    data: z.object({ leadId: z.number().int().positive() }),
    retry: () => ({ retryLimit: 5, retryDelay: 15, retryBackoff: true }),
    expireInSeconds: 120,
    policy: "short",
  }),
  "lead-sla-sweep": defineJobKind({
    description: "Fires speed-to-lead timers that are due but were never queued (a server stopped between the lead and its job)",
    data: NO_DATA,
    retry: () => ({ retryLimit: 1, retryDelay: 30, retryBackoff: false }),
    expireInSeconds: 120,
    schedule: { cron: "* * * * *" },
  }),
  "lead-auto-return": defineJobKind({
    description: "Returns claimed leads with no action for the auto-return hours to the pool (only when the manager turned it on)",
    data: NO_DATA,
    retry: () => ({ retryLimit: 1, retryDelay: 60, retryBackoff: false }),
    expireInSeconds: 300,
    schedule: { cron: "*/5 * * * *" },
  }),
  "webhook-receipts-cleanup": defineJobKind({
    description: "Deletes lead-webhook receipts older than 72 hours (the senders' retry horizon)",
    data: NO_DATA,
    retry: () => ({ retryLimit: 3, retryDelay: 300, retryBackoff: true }),
    expireInSeconds: 900,
    schedule: { cron: "17 3 * * *", tz: "UTC" },
  }),
  "live-events-cleanup": defineJobKind({
    description: "Deletes live events older than a day (a stream resumes from Last-Event-ID only within that)",
    data: NO_DATA,
    retry: () => ({ retryLimit: 3, retryDelay: 300, retryBackoff: true }),
    expireInSeconds: 900,
    schedule: { cron: "41 * * * *", tz: "UTC" },
  }),
  "follow-up-remind": defineJobKind({
    description: "Reminds a rep, live, that a timed follow-up is due (nothing if the follow-up changed since)",
    data: ZRemindFollowUpJob,
    retry: () => ({ retryLimit: 5, retryDelay: 30, retryBackoff: true }),
    expireInSeconds: 60,
  }),
  "follow-up-digest": defineJobKind({
    description: "Emails each rep who asked for it the day's follow-ups, once per company day, from the digest hour on",
    data: NO_DATA,
    retry: () => ({ retryLimit: 3, retryDelay: 120, retryBackoff: true }),
    expireInSeconds: 600,
    // Every quarter hour: the digest hour is a company setting in the company zone, so the handler
    // decides whether it is time; the (user, day) record makes each digest once.
    schedule: { cron: "*/15 * * * *" },
  }),
  // Sent by the haul pricing changes (rules, escort-mile rate, permit fees), in their transaction.
  "haul-reestimate": defineJobKind({
    description: "Prices open load-plan leads again after the manager changed an escort rule, the escort-mile rate or a permit fee",
    data: NO_DATA,
    retry: () => ({ retryLimit: 3, retryDelay: 30, retryBackoff: true }),
    expireInSeconds: 900,
    policy: "short",
  }),
  // Sent by startImportRun() in its transaction. The run's cursor (import_runs.last_row) moves with
  // each committed batch, so a retry after a crash or an expiry resumes where the last one stopped.
  "import-run": defineJobKind({
    description: "Imports a CSV the manager started (companies, contacts and leads), batch by batch, resuming after a crash",
    data: z.object({ runId: z.number().int().positive() }),
    retry: () => ({ retryLimit: 5, retryDelay: 5, retryBackoff: true }),
    // 100 000 rows take well under a minute; the limit is for a file at MAX_IMPORT_BYTES on a slow day.
    expireInSeconds: 900,
  }),
  // Sequences (lib/sequences/): one job per enrolment step, sent with startAfter = the step's due
  // time in the transaction that enrols or advances the enrolment. The step-run row (unique per
  // enrolment and position) makes each step once; a stale job (paused, stopped, deferred) does nothing.
  "sequence-step": defineJobKind({
    description: "Runs one due step of a lead's sequence (email, text, call task or wait) once, after re-checking its stop conditions",
    data: ZSequenceStepJob,
    retry: () => ({ retryLimit: 5, retryDelay: 30, retryBackoff: true }),
    expireInSeconds: 120,
  }),
  // Issue #19: the dashboard sums lead_tallies (signed changes written by triggers on sales_leads);
  // folding them keeps that sum small. Missing a run only leaves more rows to sum, never a wrong count.
  "lead-tallies-compact": defineJobKind({
    description: "Folds the dashboard's lead tallies (changes of leads per rep and status) into one row per rep and status",
    data: NO_DATA,
    retry: () => ({ retryLimit: 1, retryDelay: 60, retryBackoff: false }),
    expireInSeconds: 300,
    schedule: { cron: "*/5 * * * *" },
    policy: "short",
  }),
  // Issue #19: the analytics page reads materialized views of its per-day counts; this keeps them
  // at most a few minutes old (the page says "as of …" from analytics_rollup_refreshes).
  "analytics-rollups-refresh": defineJobKind({
    description: "Refreshes the analytics rollups (materialized views of leads, assignments, conversions and actions per day or hour)",
    data: NO_DATA,
    retry: () => ({ retryLimit: 1, retryDelay: 60, retryBackoff: false }),
    expireInSeconds: 900,
    schedule: { cron: "*/5 * * * *" },
    policy: "short",
  }),
} satisfies Record<string, TJobKind>;

export type TJobKindName = keyof typeof JOB_KINDS;
export type TJobKinds = Record<string, TJobKind>;
export type TRunnableJobKinds = Record<string, TRunnableJobKind>;

/** The dead-letter queue of a kind: a copy of each job that used up its retries lands here. */
export function deadLetterQueue(kind: string): string {
  return `${kind}__dead`;
}

export function isDeadLetterQueue(name: string): boolean {
  return name.endsWith("__dead");
}
