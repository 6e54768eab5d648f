"use server";

import { defineAction } from "@/lib/action-client";
import { lockLeadForCall } from "@/lib/calls/lock-lead-for-call";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { releaseCallLock } from "@/lib/calls/release-call-lock";
import { voidSalesAction } from "@/lib/leads/void-sales-action";

export const lockLeadAction = defineAction((actor, input) => lockLeadForCall(actor, input as never));

export const releaseCallLockAction = defineAction((actor, input) => releaseCallLock(actor, input as never));

export const saveCallAction = defineAction((actor, input) => logCallOutcome(actor, input as never), {
  revalidate: (r) => ["/admin/crm/calls", "/admin/crm/pool", `/admin/crm/lead/${r.leadId}`, "/admin/crm"],
});

// The notice's Undo after a save: voids the call just logged and puts the lead back as it was.
export const undoCallAction = defineAction(
  (actor, input) => voidSalesAction(actor, { action_id: input.actionId }),
  {
    revalidate: (r) => ["/admin/crm/calls", "/admin/crm/pool", `/admin/crm/lead/${r.id}`, "/admin/crm"],
  },
);
