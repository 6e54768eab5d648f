import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";

/** Reads a JSON or form body (the seed endpoints accept both). */
export async function readBody(req: NextRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const body = await req.json();
      if (body === null || typeof body !== "object" || Array.isArray(body))
        throw new AppError("BAD_REQUEST", "The JSON body must be an object");
      return body as Record<string, unknown>;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError("BAD_REQUEST", "The body is not valid JSON");
    }
  }
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    return formDataToObject(await req.formData());
  }
  if (!type && req.headers.get("content-length") === "0") return {};
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON or a form body");
}
