"use client";

import { useRouter } from "next/navigation";
import type { TFormAction } from "@/lib/action-state";
import { primaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

/** "Assign to me" on a pending lead; once it is yours, straight to the lead to make the call. */
export function ClaimButton({
  leadId,
  companyName,
  action,
}: {
  leadId: number;
  companyName: string;
  action: TFormAction;
}) {
  const router = useRouter();
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: () => router.push(`/admin/crm/lead/${leadId}`),
    success: `${companyName} is yours`,
  });
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="lead_id" value={leadId} />
      <button
        disabled={pending || state?.ok}
        className={`${primaryButton} py-1`}
      >
        {pending ? "Claiming…" : state?.ok ? "Yours" : "Assign to me"}
        {/* The name starts with the visible words (speech input says what it sees), then the lead. */}
        <span className="sr-only">: {companyName}</span>
      </button>
    </form>
  );
}
