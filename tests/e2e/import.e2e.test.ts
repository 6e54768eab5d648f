// The import page (issue 17) against the running server, whose own job runner runs the import:
// the manager uploads a real export, maps, previews, runs it, watches the progress, sees the
// result and downloads the error report, at 1440 and 390 px with axe; a rep has no such page.
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { violations } from "./axe";
import type { Browser, Page } from "playwright-core";

const fixture = (name: string) => path.resolve(__dirname, "../fixtures/import", name);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function uploadAndPreview(page: Page, file: string) {
  await page.getByLabel("CSV file").setInputFiles(fixture(file));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByTestId("import-preview-counts").waitFor();
}

async function waitForResult(page: Page) {
  // The run just started shows under "3. Import", above the recent ones.
  await page.getByRole("heading", { name: "3. Import" }).waitFor();
  const run = page.locator("[data-testid^=import-run-]").first();
  await run.getByTestId("import-result").waitFor({ timeout: 60_000 });
  return run;
}

describe("Import page", () => {
  it("uploads, maps, previews, runs and reports a file with bad rows (1440 px)", async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, "manager@pilot-crm.test");
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import", level: 1 }).waitFor();

    await uploadAndPreview(page, "malformed-rows.csv");
    await page.getByText("First 12 rows: 7 to create, 0 to update, 0 with nothing new, 0 possible duplicates, 5 rejected.").waitFor();
    await page.getByText("Not an email address").first().waitFor();
    // The automatic mapping matched the headers; the manager leaves the notes out.
    expect(await page.getByLabel("Column “Email”").inputValue()).toBe("email");
    await page.getByLabel("Column “Notes”").selectOption("");
    await page.getByText("First 12 rows:").waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "import-preview-1440");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("progressbar").first().waitFor();
    const run = await waitForResult(page);
    await run.getByText("Finished").waitFor();
    const result = run.getByTestId("import-result");
    expect(await result.locator("div").allInnerTexts()).toEqual(["Created\n7", "Updated\n0", "Skipped\n0", "Failed\n5", "Leads\n0"]);
    expect(await run.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("12");
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "import-result-1440");

    const [download] = await Promise.all([page.waitForEvent("download"), run.getByRole("link", { name: "Download error report (5 rows)" }).click()]);
    const report = fs.readFileSync((await download.path())!, "utf8").trim().split("\r\n");
    expect(report[0]).toBe("row,column,value,reason");
    expect(report.slice(1).map((l) => l.split(",")[0])).toEqual(expect.arrayContaining(["4", "6", "8", "10", "12"]));
    expect(report).toContain("4,Email,not-an-email,Not an email address");

    // The progress and result come from the database: a reload shows the same.
    await page.reload();
    await page.getByRole("heading", { name: "Recent imports" }).waitFor();
    await page.locator("[data-testid^=import-run-]").first().getByText("malformed-rows.csv").waitFor();
    await page.close();
  });

  it("imports leads from a Pipedrive export on a phone (390 px)", async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/import");
    await uploadAndPreview(page, "pipedrive-organizations.csv");
    await page.getByLabel("Leads with their company").check();
    await page.getByLabel("Leads without an owner").selectOption({ label: "Leave in the pool" });
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "import-preview-390");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    const run = await waitForResult(page);
    await run.getByText("Finished").waitFor();
    const counts = (await run.getByTestId("import-result").locator("dd").allInnerTexts()).map(Number);
    expect(counts[0] + counts[1] + counts[2] + counts[3]).toBe(4);
    expect(counts[3]).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "import-result-390");
    await page.close();
  });

  it("is not there for a rep: no link, and the address answers 404", async () => {
    const page = await newPage(browser);
    await login(page, "alex@pilot-crm.test");
    await page.getByRole("link", { name: "Dashboard" }).first().waitFor();
    expect(await page.getByRole("link", { name: "Import" }).count()).toBe(0);
    expect((await page.goto("/admin/crm/import"))?.status()).toBe(404);
    await page.close();
  });
});
