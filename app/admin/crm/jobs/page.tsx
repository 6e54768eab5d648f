import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getJobsOverview } from "@/lib/jobs/get-jobs-overview";
import { JobCountsTable } from "@/components/jobs/job-counts-table";
import { JobErrorsTable } from "@/components/jobs/job-errors-table";
import { cancelJobAction, retryJobAction } from "./actions";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const actor = await requirePagePermission("jobs.manage");
  const overview = await getJobsOverview(actor);
  const failedDays = overview.retention.failedSeconds / 86_400;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Jobs</h1>
        <p className="mt-1 text-sm text-slate-600">
          Background work on the job runner: email retries, the stuck-email sweep, webhook-receipt cleanup. Completed jobs are counted for a day,
          failed ones are kept {failedDays} days.
        </p>
      </div>
      <section aria-labelledby="job-kinds">
        <h2 id="job-kinds" className="mb-2 font-semibold">
          By kind
        </h2>
        <JobCountsTable kinds={overview.kinds} />
      </section>
      <section aria-labelledby="job-errors">
        <h2 id="job-errors" className="mb-2 font-semibold">
          Latest errors
        </h2>
        <JobErrorsTable errors={overview.errors} retryAction={retryJobAction} cancelAction={cancelJobAction} />
      </section>
    </div>
  );
}
