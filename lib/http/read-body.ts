import { AppError } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { LEAD_ENDPOINT_BODY_LIMIT, MAX_JSON_DEPTH } from "@/lib/http/body-limits.mjs";

// Every route handler reads its body through this file: a byte limit (413) on the stream itself,
// and JSON that is malformed or nested too deep refused with 400 before anything uses it. Route
// handlers have no body limit of their own in Next (serverActions.bodySizeLimit covers actions only).

const tooLarge = (limit: number) => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${limit} bytes`);

/**
 * The body's bytes exactly as sent (webhook signatures cover these), refused with 413 past `limit`.
 * A declared Content-Length over the limit is refused unread; otherwise the stream is counted and
 * cancelled at the limit, so a lying or missing Content-Length cannot make us buffer more.
 */
export async function readRawBytes(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body as UTF-8 text, limited as readRawBytes. */
export async function readRawBody(req: Request, limit: number): Promise<string> {
  return (await readRawBytes(req, limit)).toString("utf8");
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing (brackets
 * inside strings do not count). One pass, no recursion: a body of 10 000 `[` costs 10 000 steps,
 * where parsing, validating or storing it as jsonb would recurse that deep.
 */
function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse for request bodies: malformed or deeper than MAX_JSON_DEPTH is a 400, never a 500. */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepthExceeds(text, maxDepth))
    throw new AppError("BAD_REQUEST", `The JSON body is nested deeper than ${maxDepth} levels`, [{ path: "", message: "Too deeply nested" }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON", [{ path: "", message: "Invalid JSON" }]);
  }
}

/** A JSON body that must be an object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  const body = parseJsonBody(text);
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new AppError("BAD_REQUEST", "The JSON body must be an object", [{ path: "", message: "Expected an object" }]);
  return body as Record<string, unknown>;
}

/**
 * Multipart or urlencoded form data, read within `limit` first: Request.formData() alone would
 * buffer whatever arrives. A body that is not the form its Content-Type claims is a 400.
 */
export async function readFormBody(req: Request, limit: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  const bytes = await readRawBytes(req, limit);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The form body cannot be read");
  }
}

/** Reads a JSON or form body (the seed endpoints accept both), at most `limit` bytes. */
export async function readBody(req: Request, limit = LEAD_ENDPOINT_BODY_LIMIT): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return parseJsonObject(await readRawBody(req, limit));
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data"))
    return formDataToObject(await readFormBody(req, limit));
  if (!type && req.headers.get("content-length") === "0") return {};
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON or a form body");
}
