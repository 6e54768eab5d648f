import { z } from "zod";

// The data of the sequence-step job, apart from its handler so job-kinds.ts imports no domain code.
export const ZSequenceStepJob = z.object({
  enrolmentId: z.number().int().positive(),
  position: z.number().int().min(0),
});
export type TSequenceStepJob = z.infer<typeof ZSequenceStepJob>;

/** Names the job on the Jobs page; not a dedup key (the step-run row is what makes it once). */
export function sequenceStepJobKey(enrolmentId: number, position: number): string {
  return `sequence-step:${enrolmentId}:${position}`;
}
