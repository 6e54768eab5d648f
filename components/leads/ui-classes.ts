// Shared Tailwind class strings for form controls and buttons.
export const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm";
export const buttonClass =
  "inline-flex items-center justify-center rounded px-3 py-2 text-sm font-medium disabled:opacity-60";
export const primaryButton = `${buttonClass} bg-brand-600 text-white hover:bg-brand-700`;
export const secondaryButton = `${buttonClass} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;
export const dangerButton = `${buttonClass} border border-red-300 bg-white text-red-700 hover:bg-red-50`;
