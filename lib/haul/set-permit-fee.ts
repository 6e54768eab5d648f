import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { ZStateCode } from "@/lib/ingest/lead-webhook-schema";
import { queueHaulReestimate } from "@/lib/haul/queue-haul-reestimate";
import { jobSender } from "@/lib/jobs/job-boss";
import { forgetHaulPricing } from "@/lib/haul/load-haul-pricing";

export const ZSetPermitFee = z.object({
  state: ZStateCode,
  // Empty: the fee is not known (left out of estimates, and the estimate says so).
  permitFee: z.preprocess(
    (v) => (v === undefined || v === "" ? null : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Enter an amount in dollars, or leave it empty for unknown" })
      .nonnegative("Cannot be negative")
      .max(1_000_000)
      .nullable(),
  ),
});

/** Manager only: one state's permit fee (or back to unknown). */
export const setPermitFee = command({ input: ZSetPermitFee, may: "haul.manage" }, async (actor, p) => {
  const fee = p.permitFee === null ? null : Math.round(p.permitFee * 100) / 100;
  // Open leads are priced again by a job queued with the change (its sender started first).
  await jobSender();
  await db.$transaction(async (tx) => {
    const before = await tx.haulStateFee.findUnique({ where: { state: p.state } });
    await tx.haulStateFee.upsert({
      where: { state: p.state },
      create: { state: p.state, permitFee: fee },
      update: { permitFee: fee },
    });
    await recordAudit(tx, {
      actor,
      action: "haul.rate_changed",
      target: { type: "haul_fee", id: p.state },
      before: {
        state: p.state,
        permitFee: before?.permitFee === null || !before ? null : Number(before.permitFee),
      },
      after: { state: p.state, permitFee: fee },
    });
    await queueHaulReestimate(tx);
  });
  forgetHaulPricing();
  return { state: p.state, permitFee: fee };
});
