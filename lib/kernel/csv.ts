import { stringify, type Options } from "csv-stringify/sync";

// Every CSV the app writes (the lead export, the analytics downloads) goes through this module:
// csv-stringify does the RFC 4180 quoting, and the one rule for cells a spreadsheet would run as a
// formula lives here. Pure, so the browser's chart downloads use it too.

// A cell starting like a formula gets an apostrophe; plain numbers and phone numbers ("+1 512 …",
// "-42.50") are left alone so they stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[\d\s().,-]*$/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(" ") : String(value);
  return FORMULA_START.test(s) && !NUMBER_LIKE.test(s) ? `'${s}` : s;
}

const OPTIONS: Options = {
  record_delimiter: "\r\n",
  // Beyond commas and quotes: line breaks and edge spaces are quoted too, so they survive a round trip.
  quoted_match: [/[\r\n]/, /^\s|\s$/],
};

/** One CSV line (with its CRLF) from a row of values. */
export function csvRow(values: unknown[]): string {
  return stringify([values.map(cellText)], OPTIONS);
}

/** One cell as it appears in a line. */
export function csvField(value: unknown): string {
  return csvRow([value]).slice(0, -2);
}

export type TCsvColumn = { key: string; label: string };

/** A whole CSV document: a header of labels, then one line per row. */
export function toCsv(columns: TCsvColumn[], rows: Record<string, unknown>[]): string {
  return stringify([columns.map((c) => cellText(c.label)), ...rows.map((row) => columns.map((c) => cellText(row[c.key])))], OPTIONS);
}
