// npm run db:migrate | db:migrate:status | db:migrate:new -- <name> | node scripts/migrate.mjs check|check-live
import path from "node:path";

// A Rust panic inside the wasm engine surfaces as an uncaught "unreachable"; say what it was.
process.on("uncaughtException", (e) => {
  console.error("schema engine crashed:", e.message, globalThis.PRISMA_WASM_PANIC_REGISTRY?.message ?? "");
  process.exit(1);
});
import { databaseUrlOrExit } from "./lib/database-url.mjs";
import { deployMigrations, diffDatabaseToSchema, diffMigrationsToSchema, migrationStatus, writeMigration } from "./lib/schema-engine.mjs";

const [cmd, name] = process.argv.slice(2);
const url = databaseUrlOrExit();
try {
  if (cmd === "deploy") {
    const applied = await deployMigrations(url);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } else if (cmd === "new") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migrate:new -- <snake_case_name>");
    const sql = await diffMigrationsToSchema(url);
    if (!sql) console.log("schema and migrations agree: nothing to write");
    else console.log(`wrote ${path.relative(process.cwd(), writeMigration(name, sql))}/migration.sql`);
  } else if (cmd === "check" || cmd === "check-live") {
    // check: replay the migrations on a shadow database; check-live: compare the live database.
    const sql = cmd === "check" ? await diffMigrationsToSchema(url) : await diffDatabaseToSchema(url);
    if (sql) {
      console.error("migrations differ from prisma/schema.prisma:\n" + sql);
      process.exitCode = 1;
    } else console.log("migrations equal the schema");
  } else if (cmd === "status") {
    console.log(JSON.stringify(await migrationStatus(url)) ?? "up to date");
  } else {
    console.error("usage: migrate.mjs deploy|status|check|check-live|new <name>");
    process.exitCode = 2;
  }
} catch (err) {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  console.error(err instanceof Error ? err.message || String(err) : err, panic ? `\nengine panic: ${panic}` : "");
  process.exitCode = 1;
}
process.exit();
