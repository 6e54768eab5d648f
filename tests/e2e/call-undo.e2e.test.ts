import type { Browser, Page } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { formatZonedWeekday } from "@/lib/kernel/zoned-format";

// The demo company's zone (settings `time_zone`): the notice names follow-up days in it.
const COMPANY_ZONE = "America/Chicago";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page) => page.getByTestId("call-panel");
const keepChip = (page: Page) => panel(page).locator("label", { has: page.locator("input[value=keep]") });

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
  it("marks the lead's due follow-up done, says so, and Undo puts the lead back exactly", async () => {
    const page = await newPage(browser, { width, height });
    await login(page, rep);
    await page.goto("/admin/crm/calls");
    await page.getByRole("heading", { name: "Call list" }).waitFor();
    const lead = await openLeadWithFollowUp(page);
    // Every follow-up on today's call list is due or overdue: the chip says the call completes it.
    const chip = (await keepChip(page).textContent())!;
    expect(chip).toMatch(/^mark done: due /);
    const due = (await keepChip(page).locator("time").getAttribute("datetime"))!;
    const shown = chip.replace(/^mark done: due /, "").replace(/\s*k$/, "");
    const before = await leadFacts(page, lead.id);
    expect(before).toContain(`Next follow-up${shown}`);

    await page.goto("/admin/crm/calls");
    await page.getByRole("button", { name: `Call ${lead.company}` }).click();
    await page.locator(`[data-testid=call-panel][data-lead-id="${lead.id}"][data-lock=held]`).waitFor();
    await page.keyboard.press("2"); // Voicemail, no follow-up picked
    const notice = page.getByTestId("call-message");
    const done = `Voicemail logged for ${lead.company} · Follow-up of ${formatZonedWeekday(due, COMPANY_ZONE)} marked done`;
    await notice.filter({ hasText: done }).waitFor();
    expect(await notice.textContent()).toBe(done);
    expect(done).toMatch(/Follow-up of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} marked done$/);
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
