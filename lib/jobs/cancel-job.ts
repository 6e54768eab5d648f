import "server-only";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { findJob } from "@/lib/jobs/find-job";
import { ZJobRef } from "@/lib/jobs/job-input";

/**
 * Cancels a job that has not run yet or waits for its next retry. A running job is not
 * cancellable (its handler would go on regardless). Manager only.
 */
export const cancelJob = command(
  { input: ZJobRef, may: "jobs.manage" },
  async (_actor, ref): Promise<{ kind: string; id: string }> => {
    const { boss, kind, id, job } = await findJob(ref);
    if (job.state !== "created" && job.state !== "retry")
      throw new AppError("CONFLICT", `This job is ${job.state}: only a waiting job can be cancelled.`);
    const { affected } = (await boss.cancel(kind, id)) as unknown as { affected: number };
    if (!affected) throw new AppError("CONFLICT", "This job started or changed just now; reload.");
    return { kind, id };
  },
);
