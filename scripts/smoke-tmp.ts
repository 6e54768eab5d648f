import { loadAnalyticsPage } from "@/lib/analytics/load-analytics-page";
import { db } from "@/lib/db";
async function main() {
  const m = await db.user.findFirstOrThrow({ where: { role: "super_admin" } });
  const actor = { id: m.id, role: m.role, name: m.name, email: m.email };
  const t = Date.now();
  const page = await loadAnalyticsPage(actor, { from: "2026-08-26", to: "2026-11-23", timeZone: "America/Chicago" });
  console.log(Date.now() - t, "ms");
  const { leadsBySource, heatmap, ...rest } = page; console.log(JSON.stringify(rest)); console.log(heatmap.total, heatmap.max);
  process.exit(0);
}
main();
