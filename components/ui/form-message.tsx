import type { TActionState } from "@/lib/action-state";

export function FormMessage({ state }: { state?: TActionState }) {
  if (!state?.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}
