import "server-only";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { findJob } from "@/lib/jobs/find-job";
import { ZJobRef } from "@/lib/jobs/job-input";

/** Runs a failed job again (one more attempt; pg-boss raises its retry limit by one). Manager only. */
export const retryJob = command(
  { input: ZJobRef, may: "jobs.manage" },
  async (_actor, ref): Promise<{ kind: string; id: string }> => {
    const { boss, kind, id, job } = await findJob(ref);
    if (job.state !== "failed")
      throw new AppError("CONFLICT", `This job is ${job.state}, not failed: nothing to retry.`);
    // Conditional on the state in SQL too: of two simultaneous retries, one counts.
    const { affected } = (await boss.retry(kind, id)) as unknown as { affected: number };
    if (!affected) throw new AppError("CONFLICT", "Someone retried this job just now.");
    return { kind, id };
  },
);
