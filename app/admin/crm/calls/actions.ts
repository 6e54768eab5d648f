"use server";

import { defineAction } from "@/lib/action-client";
import { lockLeadForCall } from "@/lib/calls/lock-lead-for-call";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { releaseCallLock } from "@/lib/calls/release-call-lock";

export const lockLeadAction = defineAction(lockLeadForCall);

export const releaseCallLockAction = defineAction(releaseCallLock);

export const saveCallAction = defineAction(logCallOutcome, {
  revalidate: (r) => ["/admin/crm/calls", "/admin/crm/pool", `/admin/crm/lead/${r.leadId}`, "/admin/crm"],
});
