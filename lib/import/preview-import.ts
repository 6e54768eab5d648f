import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { IMPORT_RULES, type TImportRule } from "@/lib/import/import-decisions";
import { IMPORT_FIELDS, type TImportField } from "@/lib/import/import-fields";
import { DEFAULT_PREVIEW_ROWS, IMPORT_BATCH_ROWS } from "@/lib/import/import-limits";
import { mapImportHeaders, type TImportMapping } from "@/lib/import/map-import-headers";
import { normalizeImportRow, type TImportProblem, type TImportRow } from "@/lib/import/normalize-import-row";
import { classifyImportRows, type TClassifiedRow, type TImportAction } from "@/lib/import/classify-import-rows";
import { readImportCsv, type TImportDelimiter, type TImportEncoding, type TImportSource } from "@/lib/import/read-import-csv";

export const ZPreviewImportOptions = z.object({
  /** Rows to read; null reads the whole file (the job's dry run, and tests of whole exports). */
  rows: z.number().int().positive().nullable().default(DEFAULT_PREVIEW_ROWS),
  /** The manager's mapping, one entry per column; absent: the automatic one. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).optional(),
});
export type TPreviewImportOptions = z.input<typeof ZPreviewImportOptions>;

export type TImportPreview = {
  encoding: TImportEncoding;
  delimiter: TImportDelimiter;
  columns: { header: string; field: TImportField | null }[];
  rows: TClassifiedRow[];
  /** Rows read, and how many of them would take each action. */
  counts: Record<TImportAction, number> & { rows: number };
  /** Per rule, how many of the rows read it found a company for (the manager decides per rule). */
  rules: Record<TImportRule, number>;
  /** Per column, how many of the rows read it rejected: a column of garbage shows at a glance. */
  columnProblems: { column: string; rows: number }[];
};

/** A mapping fits the file's columns and fills each field once (400 otherwise). */
export function checkMapping(mapping: TImportMapping, headers: string[]): void {
  if (mapping.length !== headers.length)
    throw new AppError("BAD_REQUEST", `The mapping has ${mapping.length} columns; the file has ${headers.length}.`);
  const fields = mapping.filter((f): f is TImportField => f !== null);
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  if (twice) throw new AppError("BAD_REQUEST", `Two columns are mapped to ${twice}; map each field once.`);
}

/**
 * The import's preview: the file read (encoding and delimiter detected), its columns mapped to
 * fields, and the first rows cleaned and classified against the companies we have (create,
 * update, skip, possible duplicate, or fail with each problem's column and reason; the rule that
 * found each row's company, and per rule how many rows it found). Reads only;
 * writes nothing. Manager only (404 for anyone else).
 */
export async function previewImport(actor: TActor, source: TImportSource, options: TPreviewImportOptions = {}): Promise<TImportPreview> {
  assertCan(actor, "imports.manage");
  const { rows: limit, mapping: chosen } = parseInput(ZPreviewImportOptions, options);
  const csv = await readImportCsv(source);
  const mapping = chosen ?? mapImportHeaders(csv.headers);
  checkMapping(mapping, csv.headers);
  if (!mapping.includes("company_name"))
    throw new AppError(
      "BAD_REQUEST",
      mapping.some((f) => f !== null)
        ? "No column holds the company name; map one to Company name."
        : `None of the columns (${csv.headers.filter(Boolean).slice(0, 6).join(", ")}) is one we know; map them to fields.`,
    );

  const out: TClassifiedRow[] = [];
  let batch: { row: number; data: TImportRow; problems: TImportProblem[] }[] = [];
  for await (const record of csv.records) {
    batch.push({ row: record.row, ...normalizeImportRow(record, csv.headers, mapping) });
    if (batch.length >= IMPORT_BATCH_ROWS) {
      out.push(...(await classifyImportRows(batch)));
      batch = [];
    }
    if (limit !== null && out.length + batch.length >= limit) break;
  }
  if (batch.length) out.push(...(await classifyImportRows(batch)));
  if (out.length === 0) throw new AppError("BAD_REQUEST", "The file has a header but no rows below it.");

  const counts = { rows: out.length, create: 0, update: 0, skip: 0, possible_duplicate: 0, fail: 0 };
  const rules = Object.fromEntries(IMPORT_RULES.map((rule) => [rule, 0])) as Record<TImportRule, number>;
  const byColumn = new Map<string, Set<number>>();
  for (const r of out) {
    counts[r.action]++;
    if (r.rule) rules[r.rule]++;
    for (const p of r.problems) byColumn.set(p.column, (byColumn.get(p.column) ?? new Set()).add(r.row));
  }
  return {
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    columns: csv.headers.map((header, i) => ({ header, field: mapping[i] })),
    rows: out,
    counts,
    rules,
    columnProblems: [...byColumn].map(([column, rows]) => ({ column, rows: rows.size })).sort((a, b) => b.rows - a.rows),
  };
}
