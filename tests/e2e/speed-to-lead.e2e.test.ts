// Speed to lead in the browser: the dashboard's waiting list (oldest first, a live age that ticks
// in the browser without asking the server, the SLA state), the speed card, and the analytics
// figure with its working-hours switch, table and CSV, at 1440 px and 390 px, with axe.
import fs from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();

/** Serious or critical axe findings on the page, or only inside `within` (a CSS selector). */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const result = await (within ? builder.include(within) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help}`));
}

async function noSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

let leadId = 0;
const COMPANY = `Waiting Longest Haul ${Date.now().toString(36)}`;

describe("speed to lead", () => {
  beforeAll(async () => {
    // The oldest lead in the pool, reminded and escalated already: the list's first row.
    const db = e2e.database;
    const { rows: c } = await db.query(`INSERT INTO companies (name, state, updated_at) VALUES ($1, 'TX', now()) RETURNING id`, [COMPANY]);
    const { rows: l } = await db.query(
      `INSERT INTO sales_leads (company_id, lead_source, status, states, created_at, updated_at)
       -- Older than every pool lead, and 30 s short of a whole hour, so its age turns within a minute.
       VALUES ($1, 'load_plan', 'pending', '{TX,OK}',
               now() - make_interval(hours => ceil(extract(epoch FROM now() - (SELECT coalesce(min(created_at), now()) FROM sales_leads WHERE status = 'pending')) / 3600)::int + 2) + interval '30 seconds',
               now())
       RETURNING id`,
      [c[0].id],
    );
    leadId = l[0].id;
    await db.query(`INSERT INTO sla_events (lead_id, kind, notified) VALUES ($1, 'alert', '{}'), ($1, 'escalation', '{}')`, [leadId]);
  });
  afterAll(async () => {
    await e2e.database.query(`UPDATE sales_leads SET status = 'lost', lost_reason = 'e2e', updated_at = now() WHERE id = $1`, [leadId]);
  });

  describe("waiting leads on the dashboard", () => {
    it("lists the longest-waiting lead first with its SLA state, and its age ticks without a reload (1440 px)", async () => {
      const page = await newPage(e2e.browser, DESKTOP);
      // The page's clock is the test's: time moves only when the test says so.
      await page.clock.install({ time: new Date() });
      await login(page, "alex@pilot-crm.test");
      await page.goto("/admin/crm");
      const first = page.getByTestId("waiting-leads").locator("li").first();
      await first.getByRole("link", { name: COMPANY }).waitFor();
      expect(await first.getByTestId("sla-state").textContent()).toBe("Manager told");
      await page.waitForLoadState("networkidle");
      const age = page.getByTestId("waiting-leads").locator("li").first().getByTestId("waiting-age");
      const before = (await age.textContent())!;
      expect(before).toMatch(/Waiting \d+ (min|h|d)/);

      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.clock.runFor("00:02:00");
      await page.waitForFunction((old) => document.querySelector("[data-testid=waiting-leads] li [data-testid=waiting-age]")?.textContent !== old, before);
      expect(await age.textContent()).not.toBe(before);
      // The age moved on in the browser alone: no request went to the server for it.
      expect(requests.filter((u) => !u.includes("/_next/static/"))).toEqual([]);

      await page.getByTestId("speed-to-lead-card").getByTestId("speed-claim-median").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "speed-dashboard-desktop");
      await page.close();
    });

    it("fits a phone (390 px), with axe", async () => {
      const page = await newPage(e2e.browser, PHONE);
      await login(page, "manager@pilot-crm.test");
      await page.goto("/admin/crm");
      await page.getByTestId("waiting-leads").locator("li").first().getByRole("link", { name: COMPANY }).waitFor();
      expect(await page.getByTestId("speed-to-lead-card").getByRole("heading").textContent()).toContain("Team speed to lead");
      await noSideScroll(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "speed-dashboard-phone");
      await page.close();
    });
  });

  describe("speed to lead on the analytics page", () => {
    it("shows the figure with its definitions, a working-hours switch, the data table and the CSV (1440 px)", async () => {
      const page = await newPage(e2e.browser, DESKTOP);
      await login(page, "manager@pilot-crm.test");
      await page.goto("/admin/crm/analytics?range=last_90");
      const figure = page.getByTestId("figure-speed-to-lead");
      await figure.getByRole("heading", { name: "Speed to lead" }).waitFor();
      expect(await figure.textContent()).toContain("Time to first touch");
      expect(await figure.getByTestId("speed-claim-median").textContent()).toMatch(/\d/);

      await figure.getByLabel("Clock").selectOption("working");
      expect(await figure.getByTestId("speed-claim-median").textContent()).toMatch(/\d|—/);
      await figure.getByLabel("Chart by").selectOption("source");
      // The plot is drawn once it is near the viewport (issue 19).
      await figure.locator("[data-plot]").scrollIntoViewIfNeeded();
      await figure.locator(".recharts-surface").first().waitFor();

      await figure.locator("summary", { hasText: "Show data" }).click();
      const table = figure.getByTestId("table-speed-to-lead");
      expect(await table.locator("tbody tr").count()).toBeGreaterThan(4);
      expect(await table.textContent()).toContain("Time to claim");

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV: Speed to lead" }).click()]);
      const csv = fs.readFileSync((await download.path())!, "utf8");
      expect(csv.split("\r\n")[0]).toBe(
        "Measure,By,Group,Leads reached,Not yet,Median (min),90th pct (min),Within 5 min,Within 1 h,Working median (min),Working 90th pct (min),Working within 5 min,Working within 1 h",
      );
      expect(csv).toContain("Time to first touch,All,All leads,");
      // This figure only: the manager's 90-day call heatmap has contrast findings of its own (not this issue's).
      expect(await seriousViolations(page, "[data-testid=figure-speed-to-lead]")).toEqual([]);
      await screenshot(page, "speed-analytics-desktop");
      await page.close();
    });

    it("fits a phone (390 px), with axe", async () => {
      const page = await newPage(e2e.browser, PHONE);
      await login(page, "sarah@pilot-crm.test");
      await page.goto("/admin/crm/analytics?range=last_90");
      const figure = page.getByTestId("figure-speed-to-lead");
      await figure.getByRole("heading", { name: "Speed to lead" }).waitFor();
      await figure.locator("summary", { hasText: "Show data" }).click();
      await noSideScroll(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "speed-analytics-phone");
      await page.close();
    });
  });

  describe("speed-to-lead settings", () => {
    it("the manager changes the timers on the Territories page and the dashboard says so", async () => {
      const page = await newPage(e2e.browser, DESKTOP);
      await login(page, "manager@pilot-crm.test");
      await page.goto("/admin/crm/territories");
      const form = page.getByTestId("sla-settings");
      await form.getByLabel(/Tell the manager after/).fill("4");
      await form.getByRole("button", { name: "Save speed-to-lead settings" }).click();
      await form.getByText("Escalate after the reps' alert, not before").waitFor();
      await form.getByLabel(/Tell the manager after/).fill("20");
      await form.getByRole("button", { name: "Save speed-to-lead settings" }).click();
      await page.getByText("Speed-to-lead settings saved").first().waitFor();
      await page.goto("/admin/crm");
      await page.getByText("the manager is told after 20 min").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto("/admin/crm/territories");
      await page.getByTestId("sla-settings").getByLabel(/Tell the manager after/).fill("15");
      await page.getByTestId("sla-settings").getByRole("button", { name: "Save speed-to-lead settings" }).click();
      await page.getByText("Speed-to-lead settings saved").first().waitFor();
      await page.close();
    });
  });
});
