// npm run db:seed                      — the demo (skipped when it is already there)
// npm run db:seed -- --leads 100000 --actions 1000000   — add big data for benchmarks (CI size)
// npm run db:seed -- --big=10          — the 10x data: 1 000 000 leads, ~10 000 000 actions, skewed
// Run with tsx --conditions=react-server so lib/ modules (server-only) load outside Next.
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { seedDemo } from "./lib/seed-demo";
import { seedBig } from "./lib/seed-big";
import { seedHuge } from "./lib/seed-huge";

const { values } = parseArgs({
  options: { leads: { type: "string" }, big: { type: "string" }, actions: { type: "string" }, quiet: { type: "boolean", default: false } },
});

async function main() {
  const password = process.env.SEED_PASSWORD ?? "pilot-demo-2026";
  const started = Date.now();
  const demo = await seedDemo(password);
  console.log(demo.created ? `demo seeded: ${demo.summary}` : "demo data already present: skipped");
  if (values.leads || values.actions) {
    await seedBig({ leads: Number(values.leads ?? 0), actions: Number(values.actions ?? 0), quiet: values.quiet });
  }
  if (values.big) {
    const scale = Number(values.big);
    if (!Number.isInteger(scale) || scale < 1) throw new Error("--big is a whole multiple of 100 000 leads, e.g. --big=10");
    await seedHuge({ scale, quiet: values.quiet });
  }
  console.log(`seed finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
