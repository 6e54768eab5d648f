// Internal notes and the inbox in Chromium (issue 21), two browser contexts at 1440 and 390 px:
// Sarah @mentions the manager in a note on her lead through the keyboard picker (combobox:
// ArrowDown, Enter); the manager's inbox, open in the other context, shows it live with the nav
// badge, and its link opens the note on the lead page. Script-like text in a note stays text on the
// lead page and in the manager's inbox. axe on the lead page (picker open) and the inbox.
import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { violations } from "./axe";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();
const MANAGER = "Morgan Lee";

/** One of Sarah's open leads (the seed gives her several). */
async function sarahsLead(): Promise<number> {
  const { rows } = await e2e.database.query(
    `SELECT l.id FROM sales_leads l JOIN users u ON u.id = l.assigned_admin_id
     WHERE u.email = 'sarah@pilot-crm.test' AND l.status IN ('assigned', 'in_progress') ORDER BY l.id LIMIT 1`,
  );
  return rows[0].id;
}

async function openAs(email: string, viewport: { width: number; height: number }) {
  const page = await newPage(e2e.browser, viewport);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await login(page, email);
  return { page, dialogs };
}

/** Writes a note through the composer, picking `mention` with the keyboard after typing `@` + `query`. */
async function writeNote(page: Page, before: string, query: string, after: string) {
  const box = page.getByRole("combobox", { name: "Add a note" });
  await box.click();
  await box.pressSequentially(`${before} @${query}`);
  const list = page.getByRole("listbox", { name: "Teammates to mention" });
  await list.getByRole("option", { name: MANAGER }).waitFor();
  expect(await box.getAttribute("aria-expanded")).toBe("true");
  expect(await violations(page)).toEqual([]);
  // The manager is the only match of the query: the first option, active.
  expect(await box.getAttribute("aria-activedescendant")).toBe(await list.getByRole("option", { name: MANAGER }).getAttribute("id"));
  await box.press("Enter");
  expect(await box.getAttribute("aria-expanded")).toBe("false");
  await box.pressSequentially(after);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.locator("[data-sonner-toast]", { hasText: "Note saved" }).first().waitFor();
}

/** No stored payload ran: nothing set window.__xss, no handler or injected image exists, no dialog. */
async function assertInert(page: Page, dialogs: string[], text: string) {
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  const found = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*")))
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) out.push(`${el.tagName} ${a.name}`);
    for (const img of Array.from(document.images)) if (img.getAttribute("src") === "x") out.push("IMG src=x");
    return out;
  });
  expect(found).toEqual([]);
  expect(await page.locator("body").innerText()).toContain(text);
  expect(dialogs).toEqual([]);
}

describe.each([
  ["1440 px", DESKTOP],
  ["390 px", PHONE],
] as const)("notes and the inbox at %s", (size, viewport) => {
  it("Sarah @mentions the manager in a note; the manager's inbox shows it live and opens the note", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const leadId = await sarahsLead();
    const manager = await openAs("manager@pilot-crm.test", viewport);
    await manager.page.goto("/admin/crm/inbox");
    await manager.page.locator("html[data-live=open]").waitFor({ state: "attached" });
    const before = await manager.page.getByTestId("notification").count();

    const sarah = await openAs("sarah@pilot-crm.test", viewport);
    await sarah.page.goto(`/admin/crm/lead/${leadId}`);
    await writeNote(sarah.page, `Discount ${tag}?`, "Morg", `can you approve ${tag}?\nSee https://example.com/quote-${tag}`);
    const note = sarah.page.getByTestId("note").filter({ hasText: `can you approve ${tag}?` });
    await note.waitFor();
    expect(await note.getByRole("link", { name: `https://example.com/quote-${tag}` }).getAttribute("href")).toBe(`https://example.com/quote-${tag}`);
    expect(await note.innerText()).toContain(`@${MANAGER} can you approve`);
    await screenshot(sarah.page, `notes-lead-${viewport.width}`);

    // The manager's inbox, without a reload: the row and the nav badge.
    const item = manager.page.getByTestId("notification").filter({ hasText: `can you approve ${tag}?` });
    await item.waitFor();
    expect(await manager.page.getByTestId("notification").count()).toBe(before + 1);
    expect(await item.innerText()).toContain("Sarah Chen mentioned you");
    expect(await item.innerText()).toContain("Unread");
    await manager.page.getByTestId("inbox-badge").waitFor({ state: "attached" });
    expect(await violations(manager.page)).toEqual([]);
    await screenshot(manager.page, `inbox-${viewport.width}`);

    await item.getByRole("link").click();
    await manager.page.waitForURL(new RegExp(`/admin/crm/lead/${leadId}(#note-\\d+)?$`));
    await manager.page.getByTestId("note").filter({ hasText: `can you approve ${tag}?` }).waitFor();
    expect(await violations(manager.page)).toEqual([]);
    // Opened: read now.
    await manager.page.goto("/admin/crm/inbox");
    expect(await manager.page.getByTestId("notification").filter({ hasText: `can you approve ${tag}?` }).innerText()).not.toContain("Unread");
    await sarah.page.close();
    await manager.page.close();
  });

  it("shows script-like text in a note as text, on the lead page and in the manager's inbox", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const payload = `x${tag} <script>window.__xss=1</script> <img src=x onerror=window.__xss=1> "><svg onload=alert(1)> javascript:window.__xss=1`;
    const leadId = await sarahsLead();
    const sarah = await openAs("sarah@pilot-crm.test", viewport);
    await sarah.page.goto(`/admin/crm/lead/${leadId}`);
    await writeNote(sarah.page, payload, "Morg", "");
    await sarah.page.reload();
    await assertInert(sarah.page, sarah.dialogs, payload);
    expect(await sarah.page.getByTestId("note").filter({ hasText: `x${tag}` }).locator("a").count()).toBe(0);

    const manager = await openAs("manager@pilot-crm.test", viewport);
    await manager.page.goto("/admin/crm/inbox");
    await assertInert(manager.page, manager.dialogs, payload);
    await sarah.page.close();
    await manager.page.close();
  });
});
