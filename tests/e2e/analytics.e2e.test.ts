import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rowsOf = (page: Page, id: string) => page.getByTestId(`table-${id}`).locator("tbody tr");
const tableText = (page: Page, id: string) => page.getByTestId(`table-${id}`).textContent();

/** Plots are drawn when they near the viewport (issue 19): bring each one there, as a reader scrolling would. */
async function drawAllPlots(page: Page) {
  for (const plot of await page.locator("[data-plot]").all()) {
    await plot.scrollIntoViewIfNeeded();
    await plot.and(page.locator('[data-plot="drawn"]')).waitFor();
  }
}

async function openAllData(page: Page) {
  for (const summary of await page.locator("details > summary", { hasText: "Show data" }).all()) await summary.click();
}

describe("analytics", () => {
  let alexId = "";

  it("lets the manager change the range and the rep, and the charts and tables follow", async () => {
    const page = await newPage(browser);
    await login(page, "manager@pilot-crm.test");
    await page.getByRole("link", { name: "Analytics" }).click();
    await page.waitForURL("**/admin/crm/analytics");
    await page.getByRole("heading", { name: "Team analytics" }).waitFor();
    // Every figure is drawn: Recharts SVGs, the heatmap grid, and a data table under each (the
    // thirteenth is the sequences' all-time figures, issue 18).
    expect(await page.locator("[data-testid^=figure-]").count()).toBe(13);
    expect(await page.getByTestId("figure-sequences").count()).toBe(1);
    // At load only the plots near the viewport are drawn; the rest wait (with their height kept)
    // until scrolled to, so Recharts does not block the first paint.
    const plots = await page.locator("[data-plot]").count();
    expect(plots).toBeGreaterThanOrEqual(8);
    expect(await page.locator('[data-plot="waiting"]').count()).toBeGreaterThan(0);
    const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
    await drawAllPlots(page);
    await page.locator(".recharts-wrapper").nth(plots - 1).waitFor();
    expect(await page.locator(".recharts-wrapper").count()).toBe(plots);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(heightBefore);
    await openAllData(page);
    // Every demo rep has a row (other test files may add reps of their own to the shared database).
    const rows = (await rowsOf(page, "rep-performance").allTextContents()).join("\n");
    for (const rep of ["Alex Rivera", "Sarah Chen", "Mike Johnson", "Jessica Patel", "David Kim"]) expect(rows).toContain(rep);
    await screenshot(page, "analytics-manager-last-30");

    const before = { range: await page.getByTestId("analytics-range").textContent(), leads: await page.getByTestId("stat-leads").textContent(), sources: await tableText(page, "leads-by-source") };
    await page.getByLabel("Range", { exact: true }).selectOption("last_90");
    await page.waitForURL(/range=last_90/);
    await page.getByTestId("analytics-range").filter({ hasNotText: before.range! }).waitFor();
    await openAllData(page);
    expect(await page.getByTestId("stat-leads").textContent()).not.toBe(before.leads);
    expect(await tableText(page, "leads-by-source")).not.toBe(before.sources);
    expect(await page.getByTestId("table-leads-by-source").textContent()).toContain("Week of");
    await screenshot(page, "analytics-manager-last-90");

    const repSelect = page.getByLabel("Rep", { exact: true });
    alexId = (await repSelect.locator("option", { hasText: "Alex Rivera" }).getAttribute("value"))!;
    await repSelect.selectOption({ label: "Sarah Chen" });
    await page.waitForURL(/rep=\d+/);
    await page.getByRole("heading", { name: "Analytics: Sarah Chen" }).waitFor();
    await openAllData(page);
    expect(await rowsOf(page, "rep-performance").count()).toBe(1);
    expect(await rowsOf(page, "rep-performance").first().textContent()).toContain("Sarah Chen");
    expect(await rowsOf(page, "productivity").count()).toBe(1);
    expect(page.url()).toContain("range=last_90");
    await screenshot(page, "analytics-manager-one-rep");

    // The CSV holds the same rows as the table.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV: Rep performance" }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("Rank,Rep,Leads assigned,Conversions,Conversion rate,Total value,Average value");
    expect(csv).toContain("Sarah Chen");
    await page.close();
  });

  it("is readable on a phone", async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/analytics?range=last_90");
    await page.getByRole("heading", { name: "Team analytics" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "analytics-phone");
    await page.close();
  });

  it("shows a rep only their own figures, and 404 for another rep's", async () => {
    const page = await newPage(browser);
    await login(page, "sarah@pilot-crm.test");
    const res = await page.goto("/admin/crm/analytics?range=last_90");
    expect(res?.status()).toBe(200);
    await page.getByRole("heading", { name: "My performance" }).waitFor();
    expect(await page.getByLabel("Rep", { exact: true }).count()).toBe(0);
    await openAllData(page);
    expect(await rowsOf(page, "rep-performance").count()).toBe(1);
    expect(await rowsOf(page, "rep-performance").first().textContent()).toContain("Sarah Chen");
    await screenshot(page, "analytics-rep-own");

    expect(alexId).toMatch(/^\d+$/);
    const other = await page.goto(`/admin/crm/analytics?rep=${alexId}`);
    expect(other?.status()).toBe(404);
    await screenshot(page, "analytics-rep-other-404");
    await page.close();
  });
});
