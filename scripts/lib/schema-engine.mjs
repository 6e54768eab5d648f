// Prisma's schema engine, run as WebAssembly so migrations work without the native binary
// (which cannot be downloaded on our machines). Records `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so both tools see one history.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { parse } from "pg-connection-string";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };
const LOCKFILE = 'provider = "postgresql"\n';

let wasmModule;
// The package's own entry imports the .wasm as an ES module, which Node cannot do: load it by hand.
async function loadEngineModule() {
  if (wasmModule) return wasmModule;
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const wasmBytes = fs.readFileSync(new URL("schema_engine_bg.wasm", bgUrl));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
  // The engine reports a Rust panic through this global before throwing; give it somewhere to write.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { message: "", set_message(m) { this.message = m; } };
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  wasmModule = bg;
  return bg;
}

export function readMigrationsList() {
  fs.mkdirSync(migrationsDir, { recursive: true });
  const dirs = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: LOCKFILE },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

// adapter-pg 7.10 cannot type PostgreSQL's internal "char" (OID 18) that the engine's catalog
// queries return; read it as text.
function withCharAsText(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (...args) => {
    const res = await performIO(...args);
    for (const f of res.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return res;
  };
  const startTransaction = queryable.startTransaction?.bind(queryable);
  if (startTransaction) queryable.startTransaction = async (...a) => withCharAsText(await startTransaction(...a));
  return queryable;
}

// adapter-pg 7.10 splits a migration script on every ";", which cuts dollar-quoted function bodies
// apart. PostgreSQL's simple-query protocol runs the whole script in one call, as the native engine does.
function withWholeScripts(queryable) {
  if (queryable.client && typeof queryable.executeScript === "function") {
    queryable.executeScript = async (script) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
  }
  return queryable;
}

function makeAdapter(databaseUrl, opened) {
  // Separate fields, not a connection string: adapter-pg's shadow pool overrides only `database`,
  // which a connectionString would silently win over.
  const config = parse(databaseUrl);
  const factory = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const q = withWholeScripts(withCharAsText(await connect()));
    opened.push(q);
    return q;
  };
  // A throw-away shadow database with a pool of its own, closed before the database is dropped.
  factory.connectToShadowDb = async () => {
    const admin = await factory.connect();
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = withWholeScripts(withCharAsText(await new PrismaPg({ ...config, database: name }).connect()));
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

async function withEngine(databaseUrl, fn) {
  const bg = await loadEngineModule();
  const schema = fs.readFileSync(schemaPath, "utf8");
  // The connections the engine opens are closed here, so a caller's process can exit.
  const opened = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["prisma/schema.prisma", schema]] },
    () => {},
    makeAdapter(databaseUrl, opened),
  );
  try {
    return await fn(engine, schema);
  } finally {
    await Promise.allSettled(opened.map((q) => q.dispose()));
  }
}

/** Applies pending migrations; returns the names applied. */
export async function deployMigrations(databaseUrl) {
  return withEngine(databaseUrl, async (engine) => {
    const r = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
    return r.appliedMigrationNames;
  });
}

// SQL that would bring `from` to schema.prisma ("" when they agree).
function diffToSchema(databaseUrl, fromTarget) {
  return withEngine(databaseUrl, async (engine, schema) => {
    const files = [{ path: "prisma/schema.prisma", content: schema }];
    const r = await engine.diff({
      from: fromTarget(files),
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: false,
      filters,
    });
    const sql = (r.stdout ?? "").trim();
    return /^-- This is an empty migration/.test(sql) ? "" : sql;
  });
}

/** The committed migrations, replayed on a shadow database, against schema.prisma. */
export function diffMigrationsToSchema(databaseUrl) {
  return diffToSchema(databaseUrl, () => ({ tag: "migrations", ...readMigrationsList() }));
}

/**
 * The live database against schema.prisma: on a database migrated only by the committed
 * migrations this proves the same without a shadow database (drift check for a deployment).
 */
export function diffDatabaseToSchema(databaseUrl) {
  return diffToSchema(databaseUrl, (files) => ({ tag: "schemaDatasource", files, configDir: "." }));
}

export async function migrationStatus(databaseUrl) {
  return withEngine(databaseUrl, async (engine) => {
    const r = await engine.diagnoseMigrationHistory({
      migrationsList: readMigrationsList(),
      optInToShadowDatabase: false,
      filters,
    });
    return r.history ?? null;
  });
}

export function writeMigration(name, sql) {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), LOCKFILE);
  return dir;
}
