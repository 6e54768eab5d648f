import { AppError } from "@/lib/errors";
import { IMPORT_FIELD_LABELS } from "@/lib/import/import-fields";
import type { TImportMapping } from "@/lib/import/map-import-headers";
import { normalizeImportRow } from "@/lib/import/normalize-import-row";
import { readImportCsv } from "@/lib/import/read-import-csv";

// A column whose values are mostly rejected is the wrong column (a date column of "n/a", a
// mapping slip), not a few bad rows: it is refused whole, before anything is written.
const GARBAGE_SHARE = 0.5;
const GARBAGE_MIN_ROWS = 5;
/** The rows whose values are cleaned to judge the columns (a column is garbage from its start). */
const GARBAGE_SAMPLE_ROWS = 2_000;

/**
 * Reads the whole file once under the mapping, writing nothing: how many rows it has, and a 400
 * when it is not a well-formed CSV (an unclosed quote on row 80 000) or a mapped column is mostly
 * garbage in the first GARBAGE_SAMPLE_ROWS rows (single bad values anywhere are the job's to
 * reject row by row, into the error report). The import starts only after this, so such a file never half imports.
 */
export async function scanImportFile(content: Buffer, mapping: TImportMapping): Promise<{ rows: number }> {
  const csv = await readImportCsv(content);
  const filled = new Map<number, number>();
  const rejected = new Map<number, { count: number; example: string; reason: string }>();
  let rows = 0;
  for await (const record of csv.records) {
    rows++;
    // Past the sample only the CSV itself is checked (well formed to its end, its row count):
    // cleaning every value twice (here and in the job) cost a 100 000-row import seconds.
    if (rows > GARBAGE_SAMPLE_ROWS) continue;
    const { problems } = normalizeImportRow(record, csv.headers, mapping);
    mapping.forEach((field, i) => {
      if (field && (record.values[i] ?? "").trim() !== "") filled.set(i, (filled.get(i) ?? 0) + 1);
    });
    for (const p of problems) {
      const i = csv.headers.indexOf(p.column);
      if (i < 0 || !p.value) continue;
      const seen = rejected.get(i) ?? { count: 0, example: p.value, reason: p.reason };
      seen.count++;
      rejected.set(i, seen);
    }
  }
  if (rows === 0) throw new AppError("BAD_REQUEST", "The file has a header but no rows below it.");
  for (const [i, bad] of rejected) {
    const total = filled.get(i) ?? 0;
    if (bad.count >= GARBAGE_MIN_ROWS && bad.count >= total * GARBAGE_SHARE) {
      const field = mapping[i];
      throw new AppError(
        "BAD_REQUEST",
        `Column "${csv.headers[i]}" does not hold ${field ? IMPORT_FIELD_LABELS[field].toLowerCase() : "usable"} values: ` +
          `${bad.count} of ${total} are rejected (e.g. "${bad.example.slice(0, 40)}": ${bad.reason}). ` +
          `Fix the column or leave it unmapped; nothing was imported.`,
        [{ path: `mapping.${i}`, message: bad.reason }],
      );
    }
  }
  return { rows };
}
