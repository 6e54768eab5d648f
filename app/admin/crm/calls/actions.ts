"use server";

import { defineAction } from "@/lib/action-client";
import { lockLeadForCall } from "@/lib/calls/lock-lead-for-call";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { releaseCallLock } from "@/lib/calls/release-call-lock";
import { voidSalesAction } from "@/lib/leads/void-sales-action";

export const lockLeadAction = defineAction(lockLeadForCall);

export const releaseCallLockAction = defineAction(releaseCallLock);

export const saveCallAction = defineAction(logCallOutcome, {
  revalidate: (r) => ["/admin/crm/calls", "/admin/crm/pool", `/admin/crm/lead/${r.leadId}`, "/admin/crm"],
});

// The notice's Undo after a save: voids the call just logged and puts the lead back as it was.
export const undoCallAction = defineAction(voidSalesAction, {
  revalidate: (r) => ["/admin/crm/calls", "/admin/crm/pool", `/admin/crm/lead/${r.id}`, "/admin/crm"],
});
