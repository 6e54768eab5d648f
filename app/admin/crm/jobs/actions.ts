"use server";

// Server actions of the Jobs page; the domain functions authorize (manager only) and validate.
import { defineAction } from "@/lib/action-client";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { retryJob } from "@/lib/jobs/retry-job";

export const retryJobAction = defineAction(retryJob, {
  revalidate: () => ["/admin/crm/jobs"],
  success: (r) => `Job ${r.id.slice(0, 8)} queued to run again`,
});

export const cancelJobAction = defineAction(cancelJob, {
  revalidate: () => ["/admin/crm/jobs"],
  success: (r) => `Job ${r.id.slice(0, 8)} cancelled`,
});
