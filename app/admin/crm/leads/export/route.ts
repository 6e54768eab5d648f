import { NextResponse } from "next/server";
import { exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { formDataToObject } from "@/lib/form-data";
import { actorRoute } from "@/lib/http/actor-route";

// GET /admin/crm/leads/export?<the table's filter> — the CSV streams out batch by batch.
export const GET = actorRoute(async (actor, req) => {
  const stream = await exportLeadsCsv.fromRequest(actor, {
    filter: formDataToObject(req.nextUrl.searchParams),
  });
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="leads-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
