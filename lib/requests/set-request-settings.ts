import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCompanySettings, putCompanySetting, ZHandoffApproval } from "@/lib/kernel/company-settings";
import { ZMoney } from "@/lib/leads/lead-input";

const ZBool = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

// Every field optional: the form sends what it shows; absent keys keep their value. An empty
// amount turns the loss approval off.
export const ZSetRequestSettings = z.object({
  handoffApproval: ZHandoffApproval.optional(),
  loseApprovalEnabled: ZBool.optional(),
  loseApprovalAbove: ZMoney.optional(),
  reopenApproval: ZBool.optional(),
});
export type TSetRequestSettings = z.input<typeof ZSetRequestSettings>;

/** Manager only: who approves handoffs, and which losses and reopens need approval (issue #21). */
export const setRequestSettings = command({ input: ZSetRequestSettings, may: "settings.manage" }, async (actor, p) => {
  return db.$transaction(async (tx) => {
    const current = await getCompanySettings(tx);
    if (p.handoffApproval) await putCompanySetting(tx, "handoffApproval", p.handoffApproval);
    if (p.loseApprovalEnabled !== undefined || p.loseApprovalAbove !== undefined) {
      const enabled = p.loseApprovalEnabled ?? current.loseApprovalAbove !== null;
      const amount = p.loseApprovalAbove !== undefined ? Number(p.loseApprovalAbove) : (current.loseApprovalAbove ?? 0);
      await putCompanySetting(tx, "loseApprovalAbove", enabled ? amount : null);
    }
    if (p.reopenApproval !== undefined) await putCompanySetting(tx, "reopenApproval", p.reopenApproval);
    const after = await getCompanySettings(tx);
    const pick = (s: typeof current) => ({ handoffApproval: s.handoffApproval, loseApprovalAbove: s.loseApprovalAbove, reopenApproval: s.reopenApproval });
    if (JSON.stringify(pick(current)) !== JSON.stringify(pick(after)))
      await recordAudit(tx, { actor, action: "settings.changed", target: { type: "settings", id: "request_settings" }, before: pick(current), after: pick(after) });
    return pick(after);
  });
});
