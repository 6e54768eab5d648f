import "server-only";
import { AppError } from "@/lib/errors";
import { jobSender } from "@/lib/jobs/job-boss";
import type { TJobRef } from "@/lib/jobs/job-input";

/**
 * The job a Jobs-page action names. Its callers are manager-only commands (404 for anyone else,
 * as for a missing job), which have parsed the reference already.
 */
export async function findJob({ kind, id }: TJobRef) {
  const { boss } = await jobSender();
  const job = (await boss.getQueue(kind)) ? await boss.getJobById(kind, id) : null;
  if (!job) throw new AppError("NOT_FOUND", "Job not found (finished jobs are archived after a while).");
  return { boss, kind, id, job };
}
