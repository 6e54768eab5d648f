import "server-only";
import type { z } from "zod";
import { deliverQueuedEmail } from "@/lib/email/deliver-queued-email";
import { deliverQueuedText } from "@/lib/sms/deliver-queued-text";
import { recoverStuckEmailMessages } from "@/lib/email/recover-stuck-email-messages";
import { deleteExpiredWebhookReceipts } from "@/lib/ingest/delete-expired-webhook-receipts";
import { deleteOldLiveEvents } from "@/lib/live/delete-old-live-events";
import { fireLeadSlaTimer } from "@/lib/sla/fire-lead-sla-timer";
import { returnIdleLeads } from "@/lib/sla/return-idle-leads";
import { sweepLeadSlaTimers } from "@/lib/sla/sweep-lead-sla-timers";
import { remindFollowUp } from "@/lib/follow-ups/remind-follow-up";
import { sendFollowUpDigests } from "@/lib/follow-ups/send-follow-up-digests";
import { reestimateOpenLeads } from "@/lib/haul/reestimate-open-leads";
import { runImport } from "@/lib/import/run-import";
import { runSequenceStep } from "@/lib/sequences/run-sequence-step";
import { refreshAnalyticsRollups } from "@/lib/analytics/refresh-analytics-rollups";
import { compactLeadTallies } from "@/lib/leads/compact-lead-tallies";
import { JOB_KINDS, type TJobContext, type TJobKindName, type TRunnableJobKinds } from "@/lib/jobs/job-kinds";

type THandlers = { [K in TJobKindName]: (data: z.output<(typeof JOB_KINDS)[K]["data"]>, context: TJobContext) => Promise<unknown> };

/** Each kind's handler: a domain function, idempotent (a job may run more than once). */
export const JOB_HANDLERS: THandlers = {
  "email-deliver": ({ messageId }) => deliverQueuedEmail({ messageId }),
  "text-deliver": ({ messageId }) => deliverQueuedText({ messageId }),
  "email-recover-stuck": () => recoverStuckEmailMessages(),
  "webhook-receipts-cleanup": async () => ({ deleted: await deleteExpiredWebhookReceipts() }),
  "live-events-cleanup": async () => ({ deleted: await deleteOldLiveEvents() }),
  "lead-sla-alert": ({ leadId }) => fireLeadSlaTimer({ leadId, kind: "alert" }),
  "lead-sla-escalate": ({ leadId }) => fireLeadSlaTimer({ leadId, kind: "escalation" }),
  "lead-sla-sweep": () => sweepLeadSlaTimers(),
  "lead-auto-return": () => returnIdleLeads(),
  "follow-up-remind": (data) => remindFollowUp(data),
  "follow-up-digest": () => sendFollowUpDigests(),
  "haul-reestimate": () => reestimateOpenLeads(),
  "import-run": ({ runId }) => runImport({ runId }),
  "sequence-step": (data) => runSequenceStep(data),
  "analytics-rollups-refresh": async () => ({ refreshed: await refreshAnalyticsRollups() }),
  "lead-tallies-compact": async () => ({ folded: await compactLeadTallies() }),
};

/** The registry with its handlers, as the runner works it. */
export function runnableJobKinds(): TRunnableJobKinds {
  const kinds: TRunnableJobKinds = {};
  for (const name of Object.keys(JOB_KINDS) as TJobKindName[]) {
    kinds[name] = { ...JOB_KINDS[name], run: JOB_HANDLERS[name] as TRunnableJobKinds[string]["run"] };
  }
  return kinds;
}
