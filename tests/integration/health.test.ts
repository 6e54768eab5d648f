import { GET } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import { beginShutdown } from "@/lib/ops/shutdown";

describe("GET /api/health", () => {
  it("answers ok when the database answers", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with Retry-After when the database is unreachable", async () => {
    const real = process.env.DATABASE_URL;
    // Nothing listens on port 1: the connection is refused at once.
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/postgres";
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).status).toBe("unavailable");
    } finally {
      process.env.DATABASE_URL = real;
    }
  });

  it("tells liveness from readiness: live answers 200 with the database down", async () => {
    const real = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/postgres";
    try {
      expect((await GET()).status).toBe(503);
      const res = live();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok", probe: "live" });
    } finally {
      process.env.DATABASE_URL = real;
    }
  });

  // Last: a shutdown cannot be undone in this process.
  it("is not ready once the process is shutting down, with the database up", async () => {
    expect((await GET()).status).toBe(200);
    beginShutdown();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", reason: "shutting down" });
  });
});
