import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZEscortMileRate } from "@/lib/kernel/company-settings";
import { queueHaulReestimate } from "@/lib/haul/queue-haul-reestimate";
import { jobSender } from "@/lib/jobs/job-boss";
import { forgetHaulPricing } from "@/lib/haul/load-haul-pricing";

export const ZSetEscortMileRate = z.object({
  escortMileRate: z.coerce.number({ error: "Enter an amount in dollars" }).pipe(ZEscortMileRate),
});

/** Manager only: what one escort vehicle earns per mile in every haul estimate from now on. */
export const setEscortMileRate = command(
  { input: ZSetEscortMileRate, may: "haul.manage" },
  async (actor, p) => {
    const rate = Math.round(p.escortMileRate * 100) / 100;
    // Open leads are priced again by a job queued with the change (its sender started first).
    await jobSender();
    await db.$transaction(async (tx) => {
      const before = (await getCompanySettings(tx)).escortMileRate;
      await putCompanySetting(tx, "escortMileRate", rate);
      await recordAudit(tx, {
        actor,
        action: "haul.rate_changed",
        target: { type: "haul_rate", id: "escort_mile_rate" },
        before: { escortMileRate: before },
        after: { escortMileRate: rate },
      });
      await queueHaulReestimate(tx);
    });
    forgetHaulPricing();
    return { escortMileRate: rate };
  },
);
