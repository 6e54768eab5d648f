// The design's Tailwind class strings for form controls and buttons: one place, used everywhere.
export const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm";
/** A control that sits in a row (filters, table cells) rather than filling a form column. */
export const compactInputClass = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const buttonClass =
  "inline-flex items-center justify-center rounded px-3 py-2 text-sm font-medium disabled:opacity-60";
export const primaryButton = `${buttonClass} bg-brand-600 text-white hover:bg-brand-700`;
export const secondaryButton = `${buttonClass} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;
export const dangerButton = `${buttonClass} border border-red-300 bg-white text-red-700 hover:bg-red-50`;
/** Small buttons inside table rows and lists. */
export const smallButton =
  "inline-flex items-center justify-center rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
