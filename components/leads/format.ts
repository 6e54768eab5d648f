// Display formatting, fixed to en-US so the server's render and the browser's hydration print the
// same text. Dates and times: <ZonedTime> (components/ui/zoned-time.tsx), in the company zone.

export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: n % 1 ? 2 : 0,
    maximumFractionDigits: 2,
  });
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
