// Which approval switches apply to one lead (lead-rules.ts STEP_GATES), from the company settings:
// pure, so the lead page's buttons and the domain functions read the same answer.
import type { TStepGate } from "@/lib/leads/lead-rules";

export type TGateSettings = { loseApprovalAbove: number | null; reopenApproval: boolean };

export function leadGates(settings: TGateSettings, estimatedValue: number): Record<TStepGate, boolean> {
  return {
    // "Above $X": a lead worth exactly the amount is marked lost without asking.
    loseApproval: settings.loseApprovalAbove !== null && estimatedValue > settings.loseApprovalAbove,
    reopenApproval: settings.reopenApproval,
  };
}
