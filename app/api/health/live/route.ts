import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Liveness: the process is up and serving. Never touches the database, so an orchestrator does
// not restart healthy instances during a database outage (readiness, /api/health, covers that).
export function GET() {
  return NextResponse.json({ status: "ok", probe: "live" });
}
