import { NextResponse } from "next/server";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { formDataToObject } from "@/lib/form-data";
import { actorRoute } from "@/lib/http/actor-route";

// GET /admin/crm/audit/export?<the page's filter> — the audit log as CSV (managers only).
export const GET = actorRoute(async (actor, req) => {
  const csv = await exportAuditCsv.fromRequest(actor, formDataToObject(req.nextUrl.searchParams));
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
