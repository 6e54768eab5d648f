// axe (WCAG 2.1 A and AA) finds no serious or critical violation on any page, on a desktop and on a
// phone, for a rep and for a manager. One test per page, each listing every violation it finds.
import type { Browser, Page } from "playwright-core";
import { violations } from "./axe";
import { launchBrowser, login, newPage } from "./browser";
import { CRM_PAGES, DESKTOP, MANAGER_ONLY_PAGES, PHONE, openPage, type TPageRef } from "./pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORTS = [
  ["1440 px", DESKTOP],
  ["390 px", PHONE],
] as const;

// The rep sees every page but the team; the manager's pages differ where they hold more controls.
const ROLES: [string, string, TPageRef[]][] = [
  ["rep", "sarah@pilot-crm.test", CRM_PAGES],
  [
    "manager",
    "manager@pilot-crm.test",
    [
      ...CRM_PAGES.filter((p) => ["dashboard", "lead page", "territories"].includes(p.name)),
      ...MANAGER_ONLY_PAGES,
    ],
  ],
];

describe.each(VIEWPORTS)("accessibility at %s (axe, serious and critical)", (_size, viewport) => {
  it("the login page is clean", async () => {
    const page = await newPage(browser, viewport);
    await page.goto("/login");
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  describe.each(ROLES)("as a %s", (_role, email, pages) => {
    let page: Page;
    beforeAll(async () => {
      page = await newPage(browser, viewport);
      await login(page, email);
    });
    afterAll(async () => {
      await page?.close();
    });

    it.each(pages.map((p) => [p.name, p] as const))("%s is clean", async (_name, ref) => {
      await openPage(page, ref);
      expect(await violations(page)).toEqual([]);
    });
  });
});
