import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZFollowUpDigestHour } from "@/lib/kernel/company-settings";

export const ZSetFollowUpDigestHour = z.object({ hour: z.coerce.number().pipe(ZFollowUpDigestHour) });

/** The manager sets the company-time hour from which the morning digests go out (everyone's). */
export const setFollowUpDigestHour = command({ input: ZSetFollowUpDigestHour, may: "settings.manage" }, async (actor, { hour }) => {
  await db.$transaction(async (tx) => {
    const before = await getCompanySettings(tx);
    await putCompanySetting(tx, "followUpDigestHour", hour);
    await recordAudit(tx, {
      actor,
      action: "settings.changed",
      target: { type: "settings", id: "follow_up_digest_hour" },
      before: { followUpDigestHour: before.followUpDigestHour },
      after: { followUpDigestHour: hour },
    });
  });
  return { hour };
});
