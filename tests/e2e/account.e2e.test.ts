import type { Browser } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("accounts", () => {
  it("a rep sets their own phone; the manager sees role and password controls on the team page", async () => {
    const page = await newPage(browser);
    await login(page, "mike@pilot-crm.test");
    await page.getByRole("link", { name: "My account" }).click();
    await page.getByRole("heading", { name: "My account" }).waitFor();
    await page.getByLabel(/Your phone/).fill("+1 512 555 0177");
    await page.getByRole("button", { name: "Save phone" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    expect(await page.getByLabel(/Your phone/).inputValue()).toBe("+1 512 555 0177");
    await screenshot(page, "account-rep");
    await page.close();

    const manager = await newPage(browser);
    await login(manager, "manager@pilot-crm.test");
    await manager.goto("/admin/crm/team");
    await manager.getByLabel("Role of Mike Johnson").waitFor();
    expect(await manager.getByLabel("Role of Mike Johnson").inputValue()).toBe("admin");
    await manager.getByText("Reset password").first().click();
    await screenshot(manager, "team-manager-controls");
    await manager.close();
  });
});
