// npm run bench -- <name> [options]
// Each benchmark lives in scripts/bench/<name>.ts and exports `run(args): Promise<TBenchResult>`.
// It prints a readable table and, as its very last line, one JSON object with the raw figures.
import fs from "node:fs";
import path from "node:path";
import type { TBenchResult } from "./lib/report";

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const available = fs
    .readdirSync(path.join(__dirname))
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.replace(/\.ts$/, ""));
  if (!name || !available.includes(name)) {
    console.error(`usage: npm run bench -- <${available.join("|")}>`);
    process.exit(2);
  }
  const mod = (await import(`./${name}`)) as { run: (args: string[]) => Promise<TBenchResult> };
  const result = await mod.run(args);
  console.log(JSON.stringify({ bench: name, pass: result.pass, figures: result.figures }));
  process.exit(result.pass ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
