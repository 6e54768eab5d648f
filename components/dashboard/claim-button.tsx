"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { TActionState, TFormAction } from "@/lib/action-state";
import { primaryButton } from "@/components/leads/ui-classes";

/** "Assign to me" on a pending lead; on success, a link straight to the lead. */
export function ClaimButton({ leadId, companyName, action }: { leadId: number; companyName: string; action: TFormAction }) {
  const [state, formAction, pending] = useActionState(action, undefined) as [TActionState | undefined, (p: FormData) => void, boolean];
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-green-700">
        Yours.{" "}
        <Link href={`/admin/crm/lead/${leadId}`} className="underline">
          Open lead
        </Link>
      </p>
    );
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="lead_id" value={leadId} />
      <button disabled={pending} className={`${primaryButton} py-1`} aria-label={`Assign ${companyName} to me`}>
        {pending ? "Claiming…" : "Assign to me"}
      </button>
      {state?.message ? (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
