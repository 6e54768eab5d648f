import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/** Records an opt-out (STOP) or removes it (START); idempotent either way. */
export async function applyOptKeyword(tx: Prisma.TransactionClient, phone: string, kind: "stop" | "start", keyword: string): Promise<void> {
  if (kind === "stop") await tx.textOptOut.upsert({ where: { phone }, create: { phone, keyword }, update: {} });
  else await tx.textOptOut.deleteMany({ where: { phone } });
  logger.info({ phone, keyword, optedOut: kind === "stop" }, "text opt-out list changed");
}

/** The refusal every send path gives for an opted-out number, or null. */
export async function optOutRefusal(phone: string, client: Prisma.TransactionClient = db): Promise<string | null> {
  const o = await client.textOptOut.findUnique({ where: { phone } });
  if (!o) return null;
  return `Not sent: ${phone} replied ${o.keyword} on ${o.createdAt.toISOString().slice(0, 10)} and has opted out of texts. They can text START to opt back in; call or email instead.`;
}

export async function assertNotOptedOut(phone: string): Promise<void> {
  const refusal = await optOutRefusal(phone);
  if (refusal) throw new AppError("UNPROCESSABLE", refusal, [{ path: "to", message: `${phone} opted out of texts` }]);
}
