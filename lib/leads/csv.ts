// RFC 4180 fields: quoted when they hold a comma, quote, CR or LF (quotes doubled), so names like
// `Acme, "Big" Haul` survive a round trip. Cells a spreadsheet would run as a formula are
// prefixed with an apostrophe; plain numbers and phone numbers ("+1 512 …") are left alone.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[\d\s().,-]*$/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s =
    value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(" ") : String(value);
  if (FORMULA_START.test(s) && !NUMBER_LIKE.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
