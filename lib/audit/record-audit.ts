import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditAction } from "@/lib/audit/audit-actions";
import { requestIp } from "@/lib/audit/request-ip";

export type TAuditEntry = {
  actor: { id: number; email: string } | null;
  action: TAuditAction;
  target?: { type: string; id: string | number };
  before?: unknown;
  after?: unknown;
  /** The client address when the caller knows it; otherwise the current request's, if any. */
  ip?: string | null;
};

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/**
 * The one writer of the audit log. Pass the transaction of the change being recorded, so the entry
 * and the change commit or roll back together. Entries are never updated or deleted (a trigger
 * refuses it).
 */
export async function recordAudit(tx: Prisma.TransactionClient | typeof db, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      ip: entry.ip !== undefined ? entry.ip : await requestIp(),
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target ? String(entry.target.id) : null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
