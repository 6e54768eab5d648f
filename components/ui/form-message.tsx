import type { TActionState } from "@/lib/action-state";
import { fieldErrorKeys, refusalText } from "@/components/ui/feedback";

/**
 * A refusal shown inside the form, for forms whose answers cannot be a toast (modal dialogs).
 * Field errors are left to the fields, so the same words never appear twice.
 */
export function FormMessage({ state }: { state?: TActionState }) {
  if (!state || state.ok || fieldErrorKeys(state).length) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {refusalText(state)}
    </p>
  );
}
