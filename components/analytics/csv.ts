// CSV of a chart's data, built in the browser from the same rows the table shows.
export type TCsvColumn = { key: string; label: string };

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  // Quote when needed (RFC 4180); a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: TCsvColumn[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c.key])).join(","));
  return lines.join("\r\n") + "\r\n";
}
