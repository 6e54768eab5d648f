// npm run webhooks:cleanup [-- --older-than-hours 96]
// Deletes lead-webhook idempotency receipts older than 72 hours (the senders' retry horizon).
// The job runner does this daily (job kind webhook-receipts-cleanup, lib/jobs/job-kinds.ts);
// this script is the manual trigger, for a longer horizon or a database without a runner.
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { deleteExpiredWebhookReceipts } from "@/lib/ingest/delete-expired-webhook-receipts";
import { resolveDatabaseUrl } from "./lib/database-url.mjs";

const { values } = parseArgs({ options: { "older-than-hours": { type: "string" } } });

async function main() {
  process.env.DATABASE_URL ??= resolveDatabaseUrl() ?? undefined;
  const olderThanHours = values["older-than-hours"] ? Number(values["older-than-hours"]) : undefined;
  const deleted = await deleteExpiredWebhookReceipts({ olderThanHours });
  console.log(`deleted ${deleted} webhook receipt(s) older than ${Math.max(72, olderThanHours ?? 72)} hours`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
