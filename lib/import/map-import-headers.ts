import { fieldForHeader, type TImportField } from "@/lib/import/import-fields";

/** Per column of the file, the field it fills, or null (ignored). */
export type TImportMapping = (TImportField | null)[];

/**
 * The automatic mapping of a file's header: each column whose header we know fills its field.
 * When two columns name the same field ("Email" and "Person - Email"), the first fills it and
 * the later one is left unmapped, so no field is filled twice; the manager can swap them.
 */
export function mapImportHeaders(headers: string[]): TImportMapping {
  const taken = new Set<TImportField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
