import type { Browser } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])("a rep's territory map at $width px", ({ width, height }) => {
  it("shows states other reps cover as covered, and only uncovered states as No rep", async () => {
    const page = await newPage(browser, { width, height });
    await login(page, "david@pilot-crm.test"); // Central and Southeast in the demo
    await page.goto("/admin/crm/territories");
    const map = page.getByRole("group", { name: "My territory states" });
    await map.waitFor();

    // California is West's, not David's: covered by West's reps, not outlined as his.
    const california = map.locator("[data-state=CA]");
    expect(await california.getAttribute("aria-label")).toMatch(/^California: West \(\d+ reps?\); \d+ leads/);
    expect(Number(await california.getAttribute("data-reps"))).toBeGreaterThan(0);
    // His own state, Oklahoma, reads the same way, and Alaska is in no territory at all.
    expect(await map.locator("[data-state=OK]").getAttribute("aria-label")).toMatch(
      /^Oklahoma: Central \(\d reps\)/,
    );
    expect(await map.locator("[data-state=AK]").getAttribute("aria-label")).toMatch(/^Alaska: no territory/);
    // The only "No rep" squares are states nobody covers.
    const noRep = await map
      .locator("[data-reps='0']")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
    expect(noRep.length).toBeLessThan(6);
    expect(noRep).toContain("AK");
    await screenshot(page, `territories-rep-map-${width}`);
    await page.context().close();
  });
});
