import "server-only";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { csvRow } from "@/lib/kernel/csv";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditWhere, ZAuditFilter } from "@/lib/audit/list-audit-log";

const MAX_ROWS = 100_000;

/** The filtered audit log as CSV (formula cells neutralised by csvRow); the export is itself audited. */
export const exportAuditCsv = command({ input: ZAuditFilter, may: "audit.read" }, async (actor, data): Promise<string> => {
  const rows = await db.auditLog.findMany({ where: auditWhere(data), orderBy: [{ at: "asc" }, { id: "asc" }], take: MAX_ROWS });
  let csv = csvRow(["at", "actor_id", "actor_email", "ip", "action", "target_type", "target_id", "before", "after"]);
  for (const r of rows)
    csv += csvRow([r.at, r.actorId, r.actorEmail, r.ip, r.action, r.targetType, r.targetId, r.before === null ? "" : JSON.stringify(r.before), r.after === null ? "" : JSON.stringify(r.after)]);
  await recordAudit(db, { actor, action: "export.audit", after: { rows: rows.length, filter: data } });
  return csv;
});
