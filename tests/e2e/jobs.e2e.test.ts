// The Jobs page against the running server, whose own job runner works the queue: a failed job
// shows with its error and is retried from the page; a rep neither sees the link nor the page.
import PgBoss from "pg-boss";
import type { Browser } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
let boss: PgBoss;
beforeAll(async () => {
  browser = await launchBrowser();
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL, supervise: false, schedule: false });
  await boss.start();
});
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await browser?.close();
});

/** A webhook-receipts-cleanup job that failed for good (no retries), as a runner leaves one. */
async function failedJob(): Promise<string> {
  await boss.createQueue("webhook-receipts-cleanup");
  const id = (await boss.send("webhook-receipts-cleanup", {}, { retryLimit: 0, startAfter: 3600 }))!;
  await boss.fail("webhook-receipts-cleanup", id, { message: "e2e: the database went away mid-delete" });
  // Sent for later so the server's runner could not take it first; a retry may run it now.
  await boss.getDb().executeSql("UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND id = $2", ["webhook-receipts-cleanup", id]);
  return id;
}

describe("Jobs page", () => {
  it("shows the kinds and a failed job with its error; the manager retries it and the runner runs it", async () => {
    const id = await failedJob();
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, "manager@pilot-crm.test");
    await page.getByRole("link", { name: "Jobs" }).click();
    await page.getByRole("heading", { name: "Jobs", level: 1 }).waitFor();
    for (const kind of ["email-deliver", "email-recover-stuck", "webhook-receipts-cleanup"]) await page.locator(`tr[data-kind="${kind}"]`).waitFor();
    const row = page.getByRole("row").filter({ hasText: id });
    await row.getByText("e2e: the database went away mid-delete").waitFor();
    await screenshot(page, "jobs-manager-1440");

    await row.getByRole("button", { name: "Retry" }).click();
    await page.getByText(`Job ${id.slice(0, 8)} queued to run again`).waitFor();
    // The server's runner picks it up; once done it leaves the errors list.
    for (;;) {
      const job = await boss.getJobById("webhook-receipts-cleanup", id);
      if (job?.state === "completed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await page.reload();
    await page.getByRole("heading", { name: "By kind" }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: id }).count()).toBe(0);

    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, "manager@pilot-crm.test");
    await phone.goto("/admin/crm/jobs");
    await phone.getByRole("heading", { name: "By kind" }).waitFor();
    await screenshot(phone, "jobs-manager-390");
    await page.close();
    await phone.close();
  });

  it("is not there for a rep: no link, and the address answers 404", async () => {
    const page = await newPage(browser);
    await login(page, "alex@pilot-crm.test");
    await page.getByRole("link", { name: "Dashboard" }).first().waitFor();
    expect(await page.getByRole("link", { name: "Jobs" }).count()).toBe(0);
    const response = await page.goto("/admin/crm/jobs");
    expect(response?.status()).toBe(404);
    await page.close();
  });
});
