import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { jobSender } from "@/lib/jobs/job-boss";
import { ZJobRef } from "@/lib/jobs/job-input";

/** The job a Jobs-page action names, for the manager only (404 for anyone else, as for a missing job). */
export async function findJob(actor: TActor, input: Record<string, unknown>) {
  assertCan(actor, "jobs.manage");
  const parsed = ZJobRef.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { kind, id } = parsed.data;
  const { boss } = await jobSender();
  const job = (await boss.getQueue(kind)) ? await boss.getJobById(kind, id) : null;
  if (!job) throw new AppError("NOT_FOUND", "Job not found (finished jobs are archived after a while).");
  return { boss, kind, id, job };
}
