import type { Browser, Page } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page) => page.getByTestId("call-panel");
const keepChip = (page: Page) => panel(page).locator("label", { hasText: /^keep / });

/** Opens call-list leads in order until one with a planned follow-up; returns its id and company. */
async function openLeadWithFollowUp(page: Page) {
  // The keys listen once the page has hydrated: a press before that is lost, so press again
  // until the panel opens ("s" does nothing once a lead is open).
  for (let tries = 0; !(await panel(page).isVisible()); tries++) {
    if (tries === 30) throw new Error("the call panel did not open on 's'");
    await page.keyboard.press("s");
    await panel(page).waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
  for (let tries = 0; tries < 30; tries++) {
    await page.locator("[data-testid=call-panel]:not([data-lock=locking])").waitFor();
    if (!/none planned/.test((await keepChip(page).textContent()) ?? "")) {
      return {
        id: Number(await panel(page).getAttribute("data-lead-id")),
        company: (await panel(page).getByRole("heading").textContent())!.trim(),
      };
    }
    const current = await panel(page).getAttribute("data-lead-id");
    await page.keyboard.press("n");
    await page.locator(`[data-testid=call-panel]:not([data-lead-id="${current}"])`).waitFor();
  }
  throw new Error("no lead with a planned follow-up on the call list");
}

async function leadFacts(page: Page, id: number) {
  await page.goto(`/admin/crm/lead/${id}`);
  return page.getByTestId("lead-facts").textContent();
}

describe.each([
  { width: 1440, height: 900, rep: "david@pilot-crm.test", how: "click" },
  { width: 390, height: 844, rep: "mike@pilot-crm.test", how: "key" },
])("an outcome key on the call list at $width px", ({ width, height, rep, how }) => {
  it("keeps the lead's follow-up, says what was saved, and Undo puts the lead back exactly", async () => {
    const page = await newPage(browser, { width, height });
    await login(page, rep);
    await page.goto("/admin/crm/calls");
    await page.getByRole("heading", { name: "Call list" }).waitFor();
    const lead = await openLeadWithFollowUp(page);
    const kept = (await keepChip(page).textContent())!.replace(/^keep /, "").replace(/\s*k$/, "");
    const before = await leadFacts(page, lead.id);
    expect(before).toContain(`Next follow-up${kept}`);

    await page.goto("/admin/crm/calls");
    await page.getByRole("button", { name: `Call ${lead.company}` }).click();
    await page.locator(`[data-testid=call-panel][data-lead-id="${lead.id}"][data-lock=held]`).waitFor();
    await page.keyboard.press("2"); // Voicemail, no follow-up picked
    const notice = page.getByTestId("call-message");
    await notice.filter({ hasText: `Voicemail logged for ${lead.company} · follow-up kept` }).waitFor();
    await screenshot(page, `call-saved-notice-${width}`);
    expect(await page.locator(`ol[aria-label='Call list'] > li[data-lead-id="${lead.id}"]`).count()).toBe(0);

    if (how === "click") await page.getByRole("button", { name: /^Undo/ }).click();
    else await page.keyboard.press("u");
    await notice.filter({ hasText: `Undone: Voicemail for ${lead.company}` }).waitFor();
    await page.locator(`ol[aria-label='Call list'] > li[data-lead-id="${lead.id}"]`).waitFor();
    expect(await page.getByRole("button", { name: /^Undo/ }).count()).toBe(0);

    expect(await leadFacts(page, lead.id)).toBe(before);
    const entry = page.getByRole("list", { name: "Timeline" }).locator("li", { hasText: "Call — Voicemail" });
    expect(await entry.first().textContent()).toContain("(undone)");
    await page.getByRole("list", { name: "Timeline" }).getByText("Undone by its author").first().waitFor();
    await screenshot(page, `call-undone-timeline-${width}`);
    await page.context().close();
  });
});
