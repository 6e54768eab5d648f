"use client";

import { useActionState, useRef, useTransition } from "react";
import type { TActionState, TFormAction } from "@/lib/action-state";
import { announce, type TAnnounce } from "@/components/ui/feedback";

type TOptions<T> = TAnnounce & {
  onSuccess?: (state: TActionState<T>, form: HTMLFormElement | null) => void;
};

/**
 * useActionState for a form that keeps what the user typed when the server refuses it, and says
 * how every save went (a toast; see feedback.ts). React 19 resets a form after its `action` runs,
 * even when the answer is a validation error; submitting through onSubmit instead leaves the
 * fields alone, and `onSuccess` decides what to clear or close. The `action` prop stays on the
 * form so it still posts before hydration.
 */
export function useFormAction<T>(action: TFormAction<T>, options: TOptions<T> = {}) {
  const submitted = useRef<HTMLFormElement | null>(null);
  const [state, dispatch, pending] = useActionState<TActionState<T> | undefined, FormData>(
    async (prev, payload) => {
      const result = await action(prev, payload);
      if (result.ok) options.onSuccess?.(result, submitted.current);
      announce(result, options);
      return result;
    },
    undefined,
  );
  const [, startTransition] = useTransition();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    submitted.current = e.currentTarget;
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formAction: dispatch, onSubmit };
}
