// Where scripts find the database: DATABASE_URL, else the embedded server's address file.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const dataDir = path.join(root, ".data");
export const embeddedUrlFile = path.join(dataDir, "embedded-url");

export function resolveDatabaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (fs.existsSync(embeddedUrlFile)) return fs.readFileSync(embeddedUrlFile, "utf8").trim();
  return null;
}

export function databaseUrlOrExit() {
  const url = resolveDatabaseUrl();
  if (!url) {
    console.error("DATABASE_URL is not set and no embedded database is running (start one with `npm run dev`).");
    process.exit(2);
  }
  return url;
}
