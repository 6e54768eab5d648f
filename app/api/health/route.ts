import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/check-database";
import { isShuttingDown } from "@/lib/ops/shutdown";

export const dynamic = "force-dynamic";

// Readiness: may a load balancer send this instance traffic? Not while the database is
// unreachable, nor once the instance is shutting down. Liveness is /api/health/live.
export async function GET() {
  const unavailable = (reason: Record<string, string>) =>
    NextResponse.json({ status: "unavailable", ...reason }, { status: 503, headers: { "Retry-After": "5" } });
  if (isShuttingDown()) return unavailable({ reason: "shutting down" });
  return (await checkDatabase()) ? NextResponse.json({ status: "ok" }) : unavailable({ database: "unreachable" });
}
