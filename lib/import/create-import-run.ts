import "server-only";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TImportField } from "@/lib/import/import-fields";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { mapImportHeaders } from "@/lib/import/map-import-headers";
import { readImportCsv } from "@/lib/import/read-import-csv";

export type TCreatedImportRun = {
  id: number;
  fileName: string;
  encoding: string;
  delimiter: string;
  columns: { header: string; field: TImportField | null }[];
};

/**
 * Keeps an uploaded CSV as a draft import: the file is checked (text, a header, no repeated
 * column names) and stored whole in PostgreSQL, so the preview and, later, whichever instance's
 * job runner picks the import up all read the same bytes. Nothing else is written.
 */
export async function createImportRun(actor: TActor, file: { name: string; content: Buffer }): Promise<TCreatedImportRun> {
  assertCan(actor, "imports.manage");
  if (file.content.byteLength > MAX_IMPORT_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);
  const csv = await readImportCsv(file.content);
  // Only the header was needed: stop the parser.
  await csv.records[Symbol.asyncIterator]().return?.(undefined);
  const fileName = (file.name.trim() || "pasted.csv").replace(/[\r\n"]/g, "").slice(0, 200);
  const run = await db.importRun.create({
    data: {
      createdById: actor.id,
      fileName,
      fileBytes: file.content.byteLength,
      encoding: csv.encoding,
      delimiter: csv.delimiter,
      headers: csv.headers,
      file: { create: { content: new Uint8Array(file.content) } },
    },
    select: { id: true },
  });
  const mapping = mapImportHeaders(csv.headers);
  return {
    id: run.id,
    fileName,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    columns: csv.headers.map((header, i) => ({ header, field: mapping[i] })),
  };
}
