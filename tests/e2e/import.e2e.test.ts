// The import page (issue 17) against the running server, whose own job runner runs the import:
// the manager uploads a real export, maps, previews, runs it, watches the progress, sees the
// result and downloads the error report, at 1440 and 390 px with axe; picks a decision per
// matching rule and sees each rule's rows and its decision applied; a rep has no such page.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { violations } from "./axe";
import type { Page } from "playwright-core";

const fixture = (name: string) => path.resolve(__dirname, "../fixtures/import", name);
const e2e = openBrowserAndDatabase();

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
    const page = await newPage(e2e.browser, { width: 1440, height: 900 });
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
    const page = await newPage(e2e.browser, { width: 390, height: 844 });
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
    const page = await newPage(e2e.browser);
    await login(page, "alex@pilot-crm.test");
    await page.getByRole("link", { name: "Dashboard" }).first().waitFor();
    expect(await page.getByRole("link", { name: "Import" }).count()).toBe(0);
    expect((await page.goto("/admin/crm/import"))?.status()).toBe(404);
    await page.close();
  });
});

describe.each([
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])("decisions per matching rule at $width px", ({ width, height }) => {
  it("shows how many rows each rule found and applies the decision picked for each rule", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const usdot = String(40_000_000 + crypto.randomInt(9_999_999));
    const phone = `(512) 555-01${String(crypto.randomInt(100)).padStart(2, "0")}`;
    const e164 = `+1${phone.replace(/\D/g, "")}`;
    const { rows } = await e2e.database.query(
      `INSERT INTO companies (name, usdot, phone, phone_norm, city, state, updated_at)
       VALUES ($1, $2, NULL, NULL, 'Austin', 'TX', now()), ($3, NULL, $4, $4, 'Tulsa', 'OK', now()) RETURNING id`,
      [`Mesa Haul ${tag}`, usdot, `Pecos Freight ${tag}`, e164],
    );
    const [mesa, pecos] = rows.map((r: { id: number }) => r.id);
    const csv = [
      "Company name,DOT Number,Phone Number,City,State",
      `Mesa Haul ${tag},${usdot},,Round Rock,TX`, // found by USDOT
      `Pecos Freight Lines ${tag},,"${phone}",Norman,OK`, // only the phone is the same: a suggestion
      `Llano Carriers ${tag},,,Llano,TX`, // nothing found: a new company
    ].join("\n");

    const page = await newPage(e2e.browser, { width, height });
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/import");
    await page.getByLabel("Or paste it").fill(csv);
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByTestId("import-preview-counts").waitFor();

    // One decision per rule, with its default and the number of preview rows it found.
    const identity = page.getByRole("group", { name: "Rows that are a company we have" });
    const suggestions = page.getByRole("group", { name: "Rows that may be a company we have" });
    expect(await identity.getByLabel("Same USDOT · 1 row").inputValue()).toBe("fill_empty");
    expect(await identity.getByLabel("Same email · 0 rows").inputValue()).toBe("fill_empty");
    expect(await identity.getByLabel("Same external id · 0 rows").inputValue()).toBe("fill_empty");
    expect(await identity.getByLabel("Same MC number · 0 rows").inputValue()).toBe("fill_empty");
    expect(await suggestions.getByLabel("Same name and state · 0 rows").inputValue()).toBe("skip");
    expect(await suggestions.getByLabel("Same phone · 1 row").inputValue()).toBe("create");

    await identity.getByLabel("Same USDOT").selectOption({ label: "Overwrite with the file's values" });
    await suggestions.getByLabel("Same phone").selectOption({ label: "Skip the row" });
    // Each preview row says which rule found its company and what that rule's decision does.
    const preview = page.getByRole("region", { name: "Preview of the first rows" });
    await preview.getByRole("row", { name: new RegExp(`Mesa Haul ${tag}`) }).getByText("Same USDOT → Overwrite with the file's values").waitFor();
    await preview.getByRole("row", { name: new RegExp(`Pecos Freight Lines ${tag}`) }).getByText("Same phone → Skip the row").waitFor();
    expect(await violations(page)).toEqual([]);
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, `import-rules-${width}`);

    await page.getByRole("button", { name: "Import", exact: true }).click();
    const run = await waitForResult(page);
    await run.getByText("Finished").waitFor();
    expect(await run.getByTestId("import-result").locator("div").allInnerTexts()).toEqual(["Created\n1", "Updated\n1", "Skipped\n1", "Failed\n0", "Leads\n0"]);
    expect(await violations(page)).toEqual([]);
    const after = await e2e.database.query(`SELECT id, city FROM companies WHERE id = ANY($1::int[]) ORDER BY id`, [[mesa, pecos]]);
    expect(after.rows).toEqual([
      { id: mesa, city: "Round Rock" },
      { id: pecos, city: "Tulsa" },
    ]);
    const made = await e2e.database.query(`SELECT name FROM companies WHERE name LIKE $1 ORDER BY name`, [`%${tag}`]);
    expect(made.rows.map((r: { name: string }) => r.name)).toEqual([`Llano Carriers ${tag}`, `Mesa Haul ${tag}`, `Pecos Freight ${tag}`]);
    await page.close();
  });
});
