// A rep's day on a 390 × 844 phone: nothing overflows sideways, the first lead to work shows
// without scrolling, the menu leads to "Log out"; and on the lead page the history comes before
// the email composer.
import type { Browser, Page } from "playwright-core";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { CRM_PAGES, DESKTOP, MANAGER_ONLY_PAGES, PHONE, firstLeadPath, openPage } from "./pages";

const e2e = openBrowserAndDatabase();
let browser: Browser;
// A rep whose name is one long word: the manager's "Assign to" select lists it, and a native select
// is as wide as its longest option, so without a cap the phone page scrolled sideways.
const LONG_NAME = "Maximiliana-Featherstonehaugh-Worthington-Smythe";
beforeAll(async () => {
  browser = e2e.browser;
  await e2e.database.query(
    `INSERT INTO users (email, name, password_hash, role, updated_at)
     SELECT 'long-name-rep@pilot-crm.test', $1, password_hash, 'admin', now() FROM users WHERE email = 'alex@pilot-crm.test'
     ON CONFLICT (email) DO NOTHING`,
    [LONG_NAME],
  );
});

const REP = "sarah@pilot-crm.test";
const MANAGER = "manager@pilot-crm.test";

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
// The elements that stick out past the viewport's right edge (innermost first), so a failure says
// what overflowed, not only by how much.
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${String(e.className).split(" ").slice(0, 3).join(".")} "${(e.textContent ?? "").trim().slice(0, 40)}"`),
  );

/** Where the first row of a lead list sits on the first screen: its top and bottom edge. */
async function firstRowBox(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`no ${selector} on ${page.url()}`);
  return { top: Math.round(box.y), bottom: Math.round(box.y + box.height) };
}

// The first lead on each list page: a link to a lead on the dashboard, a table row on leads, a
// list item on the call list (a rep's list: the manager holds no leads to call).
const FIRST_LEAD = [
  { name: "dashboard", path: "/admin/crm", selector: "main a[href^='/admin/crm/lead/']", repOnly: false },
  {
    name: "leads",
    path: "/admin/crm/leads",
    selector: "[data-testid=leads-table] tbody tr[data-lead-id]",
    repOnly: false,
  },
  { name: "call list", path: "/admin/crm/calls", selector: "ol[aria-label='Call list'] > li", repOnly: true },
];

describe("on a 390 × 844 phone", () => {
  it("a rep opens the menu and logs out", async () => {
    const page = await newPage(browser, PHONE);
    await login(page, REP);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads" }).waitFor();
    await screenshot(page, "phone-menu-open");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login**");
    await page.close();
  });

  for (const [who, email] of [
    ["rep", REP],
    ["manager", MANAGER],
  ] as const) {
    it(`shows the ${who} the first lead without scrolling on the dashboard, leads${who === "rep" ? " and call list" : ""}`, async () => {
      const page = await newPage(browser, PHONE);
      await login(page, email);
      const misplaced: string[] = [];
      for (const p of FIRST_LEAD.filter((f) => who === "rep" || !f.repOnly)) {
        await openPage(page, p);
        const row = await firstRowBox(page, p.selector);
        if (row.top < 0 || row.bottom > PHONE.height)
          misplaced.push(`${p.name}: first lead at y ${row.top}–${row.bottom}`);
        await screenshot(page, `phone-${who}-${p.name.replace(" ", "-")}`);
      }
      expect(misplaced).toEqual([]);
      await page.close();
    });

    it(`lets nothing overflow sideways on any page the ${who} opens`, async () => {
      const page = await newPage(browser, PHONE);
      await page.goto("/login");
      const wide: string[] = [];
      const loginWidth = await pageWidth(page);
      if (loginWidth > PHONE.width) wide.push(`login: ${loginWidth} px`);
      await login(page, email);
      for (const ref of who === "manager" ? [...CRM_PAGES, ...MANAGER_ONLY_PAGES] : CRM_PAGES) {
        await openPage(page, ref);
        const width = await pageWidth(page);
        if (width > PHONE.width) wide.push(`${ref.name}: ${width} px (${(await overflowing(page)).join("; ")})`);
      }
      expect(wide).toEqual([]);
      await page.close();
    });
  }
});

describe("the lead page", () => {
  for (const [label, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`puts the history before the email composer (${label})`, async () => {
      const page = await newPage(browser, viewport);
      await login(page, REP);
      await openPage(page, { name: "lead page", path: firstLeadPath });
      const history = await page.getByRole("heading", { name: "History", exact: true }).boundingBox();
      const composer = await page.getByRole("heading", { name: "Email", exact: true }).boundingBox();
      expect(history && composer).toBeTruthy();
      expect(history!.y).toBeLessThan(composer!.y);
      // On a desktop the rep sees it on arrival.
      if (label === "desktop") expect(history!.y + history!.height).toBeLessThanOrEqual(viewport.height);
      await screenshot(page, `lead-page-history-${label}`);
      await page.close();
    });
  }
});
