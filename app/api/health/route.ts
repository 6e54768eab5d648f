import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await checkDatabase();
  return ok
    ? NextResponse.json({ status: "ok" })
    : NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "Retry-After": "5" } });
}
