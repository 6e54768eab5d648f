import { spawnSync } from "node:child_process";
import { db } from "@/lib/db";

describe("committed migrations", () => {
  it("produce exactly prisma/schema.prisma (empty diff)", () => {
    const r = spawnSync("node", ["scripts/migrate.mjs", "check"], { env: process.env, encoding: "utf8" });
    expect(r.stderr).not.toContain("migrations differ");
    expect(r.stdout).toContain("migrations equal the schema");
    expect(r.status).toBe(0);
  });

  it("recorded their history in _prisma_migrations as prisma migrate deploy does", async () => {
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("created the trigram and array indexes later issues rely on", async () => {
    const rows = await db.$queryRaw<{ indexname: string }[]>`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`;
    const names = rows.map((r) => r.indexname);
    expect(names).toEqual(expect.arrayContaining(["companies_name_trgm_idx", "sales_leads_states_idx", "sales_leads_status_created_at_idx"]));
  });
});
