import { spawnSync } from "node:child_process";
import { db } from "@/lib/db";
import { schemaColumns } from "../fixtures/schema-columns";

const embedded = process.env.TEST_DATABASE_EMBEDDED === "1";

describe("committed migrations", () => {
  it("produce exactly prisma/schema.prisma (empty diff)", async () => {
    if (!embedded) {
      // The engine replays the migrations on a shadow database and diffs them with the schema.
      const r = spawnSync("node", ["scripts/migrate.mjs", "check"], { env: process.env, encoding: "utf8" });
      expect(r.stderr).not.toContain("migrations differ");
      expect(r.stdout).toContain("migrations equal the schema");
      expect(r.status).toBe(0);
    }
    // On every backend: the migrated database has exactly the schema's tables and columns.
    const rows = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    const live = new Map<string, Set<string>>();
    for (const r of rows) (live.get(r.table_name) ?? live.set(r.table_name, new Set()).get(r.table_name)!).add(r.column_name);
    const declared = schemaColumns();
    expect([...live.keys()].sort()).toEqual([...declared.keys()].sort());
    for (const [table, columns] of declared) expect([...live.get(table)!].sort()).toEqual([...columns].sort());
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
