import { z } from "zod";

// The follow-up reminder job's data, here rather than beside its handler: the job registry
// (lib/jobs/job-kinds.ts, loaded by every sender) must not import handlers and their database code.
export const ZRemindFollowUpJob = z.object({
  leadId: z.number().int().positive(),
  /** The due time the job was queued for (ISO); the lead's follow-up must still be exactly this. */
  dueAt: z.iso.datetime(),
});
export type TRemindFollowUpJob = z.output<typeof ZRemindFollowUpJob>;
