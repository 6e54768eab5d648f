"use client";

import type { CSSProperties } from "react";
import { Toaster } from "sonner";

// sonner's rich-colour text on its pale backgrounds is about 4.3:1 for success and lower for
// info, warning and error (axe colour-contrast, WCAG AA 4.5:1). Its colours are CSS variables on
// the toaster element, so these darker shades of the same hues override them there.
const READABLE_RICH_COLORS = {
  "--success-text": "#166534",
  "--info-text": "#1e40af",
  "--warning-text": "#92400e",
  "--error-text": "#991b1b",
} as CSSProperties;

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
      style={READABLE_RICH_COLORS}
    />
  );
}
