// Debian's Chromium driven by playwright-core (never a downloaded browser).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { chromium, type Browser, type Page } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
export const DEMO_PASSWORD = "e2e-password-2026";
const SHOTS = path.resolve("test-results/screenshots");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport });
  return context.newPage();
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/admin/crm**");
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * For a test file that drives the browser and reads the e2e database: both are opened before the
 * file's tests and closed after them. Read `e2e.browser` / `e2e.database` inside tests.
 */
export function openBrowserAndDatabase(): { browser: Browser; database: pg.Client } {
  const e2e = {} as { browser: Browser; database: pg.Client };
  beforeAll(async () => {
    e2e.browser = await launchBrowser();
    e2e.database = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await e2e.database.connect();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.database?.end();
  });
  return e2e;
}
