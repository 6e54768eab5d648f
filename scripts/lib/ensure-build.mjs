// The production build the browser tests, the operations tests and the benchmarks serve: made
// when there is none, and made again when a source it is built from is newer than it. A stale
// build measured or tested yesterday's code without a word (the ingest bench did once).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const BUILD_ID = path.join(root, ".next", "BUILD_ID");
// What `next build` reads: the app's folders and the root's config and entry files.
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILE = /\.(ts|tsx|mjs|js|json|css)$/;

/** The source file changed last: its path and time. */
function newestSource() {
  let newest = { file: "", at: 0 };
  const see = (file) => {
    const at = fs.statSync(file).mtimeMs;
    if (at > newest.at) newest = { file, at };
  };
  for (const dir of SOURCE_DIRS) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const rel of fs.readdirSync(full, { recursive: true })) {
      const file = path.join(full, String(rel));
      if (SOURCE_FILE.test(file) && fs.statSync(file).isFile()) see(file);
    }
  }
  for (const name of fs.readdirSync(root)) if (SOURCE_FILE.test(name) && fs.statSync(path.join(root, name)).isFile()) see(path.join(root, name));
  return newest;
}

/** Why a build is needed ("no production build yet", "… older than lib/x.ts"), or null when the build is current. */
export function buildNeeded() {
  if (!fs.existsSync(BUILD_ID)) return "no production build yet";
  const newest = newestSource();
  return newest.at > fs.statSync(BUILD_ID).mtimeMs ? `the production build is older than ${path.relative(root, newest.file)}` : null;
}

/** Runs `next build` when buildNeeded() says so; returns false when the build failed. */
export function ensureProductionBuild() {
  const why = buildNeeded();
  if (!why) return true;
  console.log(`${why}: next build`);
  const built = spawnSync("npx", ["--no-install", "next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  return built.status === 0;
}
