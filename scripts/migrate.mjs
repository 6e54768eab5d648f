// npm run db:migrate | db:migrate:status | db:migrate:new -- <name> | node scripts/migrate.mjs check
import path from "node:path";
import { databaseUrlOrExit } from "./lib/database-url.mjs";
import { deployMigrations, diffMigrationsToSchema, migrationStatus, writeMigration } from "./lib/schema-engine.mjs";

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
  } else if (cmd === "check") {
    const sql = await diffMigrationsToSchema(url);
    if (sql) {
      console.error("migrations differ from prisma/schema.prisma:\n" + sql);
      process.exitCode = 1;
    } else console.log("migrations equal the schema");
  } else if (cmd === "status") {
    console.log(JSON.stringify(await migrationStatus(url)) ?? "up to date");
  } else {
    console.error("usage: migrate.mjs deploy|status|check|new <name>");
    process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
process.exit();
