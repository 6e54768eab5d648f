import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { Prisma } from "@/lib/generated/prisma/client";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const ZAuditFilter = z.object({
  actorId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  action: z.preprocess(blankToUndefined, z.enum(AUDIT_ACTIONS).optional()),
  from: z.preprocess(blankToUndefined, z.coerce.date().optional()),
  to: z.preprocess(blankToUndefined, z.coerce.date().optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type TAuditFilter = z.output<typeof ZAuditFilter>;
export const AUDIT_PAGE_SIZE = 50;

export function auditWhere(f: TAuditFilter): Prisma.AuditLogWhereInput {
  // `to` is a day: entries up to the end of it.
  const end = f.to ? new Date(f.to.getTime() + 24 * 3600_000) : undefined;
  return {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from || end ? { at: { ...(f.from ? { gte: f.from } : {}), ...(end ? { lt: end } : {}) } } : {}),
  };
}

/** The manager reads the audit log, newest first, a page at a time. */
export const listAuditLog = command({ input: ZAuditFilter, may: "audit.read" }, async (actor, data) => {
  const where = auditWhere(data);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (data.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return {
    filter: data,
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, id: String(r.id) })),
  };
});
