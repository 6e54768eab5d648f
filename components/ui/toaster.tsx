"use client";

import { Toaster } from "sonner";

/** The one toast region of the app (mounted in the root layout); components call feedback.ts. */
export function AppToaster() {
  return (
    <Toaster
      position="bottom-right"
      richColors
      closeButton
      // Keyboard users reach the toasts with Alt+T (sonner's default hotkey).
      containerAriaLabel="Notifications"
      toastOptions={{ className: "text-sm" }}
    />
  );
}
