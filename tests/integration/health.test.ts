import { GET } from "@/app/api/health/route";

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
});
