"use server";

import { defineAction } from "@/lib/action-client";
import { saveHaulRule } from "@/lib/haul/save-haul-rule";
import { setEscortMileRate } from "@/lib/haul/set-escort-mile-rate";
import { setPermitFee } from "@/lib/haul/set-permit-fee";

const affected = () => ["/admin/crm/haul"];

export const saveHaulRuleAction = defineAction(saveHaulRule, {
  revalidate: affected,
  success: (r) => `Rule saved for ${r.state}`,
});
export const setEscortMileRateAction = defineAction(setEscortMileRate, {
  revalidate: affected,
  success: (r) => `Rate saved: $${r.escortMileRate.toFixed(2)} per escort-mile`,
});
export const setPermitFeeAction = defineAction(setPermitFee, {
  revalidate: affected,
  success: (r) =>
    `Permit fee for ${r.state}: ${r.permitFee === null ? "unknown" : `$${r.permitFee.toFixed(2)}`}`,
});
