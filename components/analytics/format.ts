// Display formats for figures; the CSV keeps the raw numbers.
export type TFormat = "int" | "money" | "pct" | "days" | "decimal" | "minutes" | "text";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const int = new Intl.NumberFormat("en-US");

export function formatValue(value: string | number | null | undefined, format: TFormat = "text"): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  switch (format) {
    case "int":
      return int.format(value);
    case "money":
      return money.format(value);
    case "pct":
      return `${value.toFixed(1)} %`;
    case "days":
      return `${value.toFixed(1)} d`;
    case "decimal":
      return value.toFixed(1);
    case "minutes":
      return formatMinutes(value);
    default:
      return String(value);
  }
}

/** A duration in minutes in the largest sensible unit: "45 s", "12 min", "1.5 h", "2.3 d". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  if (minutes < 24 * 60) return `${Number((minutes / 60).toFixed(1))} h`;
  return `${Number((minutes / 1440).toFixed(1))} d`;
}

export const formatMoney = (v: number) => money.format(v);
export const compactMoney = (v: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }).format(v);

/** "2026-03-02" → "Mar 2" (days/weeks) or "Mar 2026" (months), read as a calendar date, not an instant. */
export function bucketLabel(day: string, unit: "day" | "week" | "month"): string {
  const d = new Date(`${day}T00:00:00Z`);
  const opts: Intl.DateTimeFormatOptions = unit === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" };
  return (unit === "week" ? "Week of " : "") + d.toLocaleDateString("en-US", opts);
}
