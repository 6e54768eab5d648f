import { NextResponse } from "next/server";
import { exportImportErrorsCsv } from "@/lib/import/export-import-errors-csv";
import { actorRoute } from "@/lib/http/actor-route";

// GET /api/imports/[id]/errors — the error report: row, column, value and reason of every rejected row.
export const GET = actorRoute(async (actor, _req, { id }) => {
  const { fileName, csv } = await exportImportErrorsCsv(actor, Number(id));
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
