import { AppError } from "@/lib/errors";

export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/**
 * The body exactly as sent (the signature covers these bytes), refused with 413 past `limit`.
 * Streams and stops at the limit, so a lying or missing Content-Length cannot make us buffer more.
 */
export async function readRawBody(req: Request, limit = MAX_WEBHOOK_BODY_BYTES): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${limit} bytes`);
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
