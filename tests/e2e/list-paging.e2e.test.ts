// Issue #19 in the browser: the leads list's First / Previous / Next / Last, the refusal of a
// deep hand-typed page, the pool's and the call list's Next by keyset, and the bounded counts
// ("1,000+"), at 1440 px and 390 px with axe. The leads this file adds are removed afterwards.
import pg from "pg";
import { violations } from "./axe";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();
const TAG = `paging_${Date.now()}`;

beforeAll(async () => {
  // 1 005 never-called leads for the manager (the call list counts to 1,000+) and 60 pending
  // leads (the pool has a second page), all on one company of this file's own.
  await e2e.database.query(
    `WITH c AS (INSERT INTO companies (external_id, name, state, updated_at) VALUES ($1, $2, 'VT', now()) RETURNING id),
     m AS (SELECT id FROM users WHERE email = 'manager@pilot-crm.test')
     INSERT INTO sales_leads (company_id, lead_source, status, assigned_admin_id, assigned_at, states, created_at, updated_at)
     SELECT c.id, 'manual', CASE WHEN g <= 1005 THEN 'assigned'::lead_status ELSE 'pending'::lead_status END,
            CASE WHEN g <= 1005 THEN m.id END, CASE WHEN g <= 1005 THEN now() - g * interval '1 minute' END,
            ARRAY['VT'], now() - g * interval '1 minute', now()
     FROM c, m, generate_series(1, 1065) g`,
    [TAG, `Paging Freight ${TAG}`],
  );
});

// Its own connection: openBrowserAndDatabase's afterAll has ended the shared one by now.
afterAll(async () => {
  const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  await database.query(
    `DELETE FROM sales_leads WHERE company_id IN (SELECT id FROM companies WHERE external_id = $1)`,
    [TAG],
  );
  await database.query(`DELETE FROM companies WHERE external_id = $1`, [TAG]);
  await database.end();
});

describe.each([
  ["1440", DESKTOP],
  ["390", PHONE],
] as const)("list paging at %s px", (size, viewport) => {
  it("pages the leads list by First, Previous, Next and Last, and refuses a deep page number", async () => {
    const page = await newPage(e2e.browser, viewport);
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/leads");
    const count = page.getByTestId("leads-count");
    await count.getByText(/^1–25 of (about )?[\d,]+ leads$/).waitFor();
    const pages = page.getByRole("navigation", { name: "Pages" });
    await pages.getByRole("button", { name: "Next →" }).click();
    await page.waitForURL(/after=/);
    await count.getByText(/^26–50 of/).waitFor();
    await pages.getByRole("button", { name: "Last »" }).click();
    await page.waitForURL(/last=1/);
    expect(await pages.getByRole("button", { name: "Last »" }).isDisabled()).toBe(true);
    expect(await pages.getByRole("button", { name: "Next →" }).isDisabled()).toBe(true);
    expect(await page.locator("tbody tr").count()).toBe(25);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `leads-last-page-${size}`);
    await pages.getByRole("button", { name: "← Previous" }).click();
    await page.waitForURL(/before=/);
    await pages.getByRole("button", { name: "« First" }).click();
    await count.getByText(/^1–25 of/).waitFor();

    await page.goto("/admin/crm/leads?page=500&page_size=100");
    await page
      .getByRole("alert")
      .getByText(/Next, Previous or Last/)
      .waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it("pages the pool and the call list by Next, with counts bounded at 1,000+", async () => {
    const page = await newPage(e2e.browser, viewport);
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/calls");
    await page
      .getByTestId("call-summary")
      .getByText(/^1,000\+ to call — 1,000\+ new/)
      .waitFor();
    const callPages = page.getByTestId("call-pages");
    await callPages.getByRole("link", { name: "Next 100 →" }).click();
    await page.waitForURL(/after=/);
    await callPages.getByRole("link", { name: "« Back to the top" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `calls-next-${size}`);

    await page.goto("/admin/crm/pool");
    await page
      .getByTestId("pool-summary")
      .getByText(/^(about )?[\d,]+\+? unassigned/)
      .waitFor();
    const poolPages = page.getByTestId("pool-pages");
    await poolPages.getByRole("link", { name: "Next 50 →" }).click();
    await page.waitForURL(/after=/);
    await poolPages.getByRole("link", { name: "« First page" }).waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `pool-next-${size}`);
    await page.context().close();
  });
});
