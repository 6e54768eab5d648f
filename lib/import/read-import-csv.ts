import { parse, CsvError } from "csv-parse";
import { AppError } from "@/lib/errors";
import { headerKey } from "@/lib/import/import-fields";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";

export type TImportEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type TImportDelimiter = "," | ";" | "\t";
/** One data record; `row` is its spreadsheet row (the header is row 1). */
export type TCsvRecord = { row: number; values: string[] };
export type TImportCsv = {
  headers: string[];
  delimiter: TImportDelimiter;
  encoding: TImportEncoding;
  records: AsyncIterable<TCsvRecord>;
};
export type TImportSource = Buffer | Uint8Array | AsyncIterable<Buffer | Uint8Array | string>;

// Enough of the file to see its header line, its encoding and whether it is text at all.
const HEAD_BYTES = 64 * 1024;
const TOO_LARGE = (limit: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${Math.round((limit / 1024 / 1024) * 10) / 10} MB; split it into smaller files.`);

async function* bytesOf(source: TImportSource, limit: number): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    if (source.byteLength > limit) throw TOO_LARGE(limit);
    // In slices, as a stream would come: handed over whole, the parser would read the entire
    // file into its buffer before the first record (seconds for 100 000 rows, to see a header).
    for (let at = 0; at < source.byteLength; at += HEAD_BYTES) yield source.subarray(at, at + HEAD_BYTES);
    return;
  }
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    total += bytes.byteLength;
    // Counted as it arrives: a stream says nothing of its length until it ends.
    if (total > limit) throw TOO_LARGE(limit);
    yield bytes;
  }
}

/** Text has no NUL bytes and few control characters; spreadsheets, PDFs and images have both. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) control++;
  }
  return control > head.byteLength / 100;
}

/** UTF-16 announced by its BOM: Excel's "Unicode Text" export (tab-separated). */
function utf16(head: Uint8Array): TImportEncoding | null {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

function detectEncoding(head: Uint8Array): TImportEncoding {
  try {
    // stream: a multi-byte character cut at the end of the head is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    // Not UTF-8: Excel on Windows saves "CSV" in the ANSI code page, Windows-1252 here.
    return "windows-1252";
  }
}

/** The delimiter the header line uses most, outside quotes; a comma when it has none. */
function detectDelimiter(text: string): TImportDelimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c as TImportDelimiter]++;
  }
  const best = (Object.keys(counts) as TImportDelimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ",";
}

const STOPPED = Symbol("stopped");
const LOOKS_LIKE_VALUE = /^(?:[^@\s]+@[^@\s]+\.[^@\s]+|[\d\s().+$,-]+)$/;

function checkHeaders(headers: string[]): void {
  const named = headers.map((h) => h.trim());
  if (named.every((h) => h === ""))
    throw new AppError("BAD_REQUEST", "The file has no header: its first row must name the columns (Company name, Email, Phone …).");
  const value = named.find((h) => h !== "" && LOOKS_LIKE_VALUE.test(h));
  if (value !== undefined)
    throw new AppError("BAD_REQUEST", `The file has no header: its first row holds values such as "${value}", not column names. Add a row naming the columns.`);
  const seen = new Map<string, number>();
  for (const [i, h] of named.entries()) {
    if (h === "") continue;
    const key = headerKey(h);
    const first = seen.get(key);
    if (first !== undefined)
      throw new AppError("BAD_REQUEST", `Column names repeat: "${named[first]}" (column ${first + 1}) and "${h}" (column ${i + 1}). Rename or remove one.`);
    seen.set(key, i);
  }
}

function csvProblem(err: unknown): unknown {
  if (err instanceof CsvError) {
    const line = (err as CsvError & { lines?: number }).lines;
    return new AppError("BAD_REQUEST", `The file is not a well-formed CSV${line ? ` near line ${line}` : ""}: ${err.message}`);
  }
  return err;
}

/**
 * Opens a CSV for import: checks it is text, picks its encoding and delimiter, reads and checks
 * its header, and hands back the remaining records as they stream. Every refusal is an AppError
 * thrown before the first record is handed out (size and malformed quoting can only be known
 * later: those are thrown by the records iterator, still before the caller writes anything if it
 * reads the file through first, as the preview and the job's first pass do).
 */
export async function readImportCsv(
  source: TImportSource,
  // Only tests pass a smaller limit, to prove a stream is counted without parsing 50 MB.
  maxBytes: number = MAX_IMPORT_BYTES,
): Promise<TImportCsv> {
  const bytes = bytesOf(source, maxBytes);
  const headChunks: Uint8Array[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < HEAD_BYTES) {
    const next = await bytes.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headSize += next.value.byteLength;
  }
  const head = Buffer.concat(headChunks);
  // UTF-16 text is half NUL bytes, so it is recognised by its BOM before the binary check.
  const wide = utf16(head);
  if (!wide && looksBinary(head.subarray(0, HEAD_BYTES)))
    throw new AppError("BAD_REQUEST", "This is not a CSV file (it holds binary data). Export the sheet as CSV and upload that.");
  const encoding = wide ?? detectEncoding(head);
  const headText = new TextDecoder(encoding).decode(head.subarray(0, HEAD_BYTES));
  if (headText.trim() === "") throw new AppError("BAD_REQUEST", "The file is empty.");
  const delimiter = detectDelimiter(headText);

  const parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  // Feeds the parser from the byte stream, decoding as it goes; a failure (too large, bytes that
  // are not the detected encoding) ends the parser with that error, which its reader then throws.
  void (async () => {
    const decoder = new TextDecoder(encoding, { fatal: encoding !== "windows-1252" });
    try {
      const write = async (text: string) => {
        if (text && !parser.write(text))
          await new Promise<void>((resolve) => {
            // Both listeners go once either fires: a long file waits for drain thousands of times.
            const done = () => {
              parser.off("drain", done);
              parser.off("close", done);
              resolve();
            };
            parser.once("drain", done);
            parser.once("close", done);
          });
        // The reader stopped early (a preview of the first rows): stop reading the source too.
        if (parser.destroyed) throw STOPPED;
      };
      await write(decoder.decode(head, { stream: true }));
      if (!ended) for await (const chunk of bytes) await write(decoder.decode(chunk, { stream: true }));
      await write(decoder.decode());
      parser.end();
    } catch (err) {
      if (err === STOPPED) {
        await bytes.return(undefined);
        return;
      }
      parser.destroy(
        (err as { code?: unknown }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
          ? new AppError("BAD_REQUEST", `The file mixes text encodings: it starts as ${encoding.toUpperCase()} but holds bytes that are not. Save it again as CSV UTF-8.`)
          : (err as Error),
      );
    }
  })();

  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let headers: string[];
  try {
    const first = await iterator.next();
    if (first.done) throw new AppError("BAD_REQUEST", "The file is empty.");
    headers = first.value;
    checkHeaders(headers);
  } catch (err) {
    // Refused: stop reading the source (a request body is left, not drained into the parser).
    if (!parser.destroyed) parser.destroy();
    throw csvProblem(err);
  }

  async function* records(): AsyncGenerator<TCsvRecord> {
    let row = 1;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        row++;
        // Spreadsheets export rows they once formatted as ",,,,": nothing to import there.
        if (next.value.some((v) => v !== "")) yield { row, values: next.value };
      }
    } catch (err) {
      throw csvProblem(err);
    } finally {
      if (!parser.destroyed) parser.destroy();
    }
  }
  return { headers, delimiter, encoding, records: records() };
}
