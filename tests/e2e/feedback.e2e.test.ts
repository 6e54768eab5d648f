import type { Page } from "playwright-core";
import { BASE_URL, login, newPage, screenshot, openBrowserAndDatabase } from "./browser";

// Feedback on every save (toasts), confirmation before destructive steps, one error text per
// refusal, the favicon and the neutral borders: at desktop and phone width, in Chromium.
const e2e = openBrowserAndDatabase();

const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900, pick: 0 },
  { name: "phone", width: 390, height: 844, pick: 1 },
] as const;

/** Mike's open leads (no other browser test works his leads), oldest first. */
async function mikesLeads(): Promise<{ id: number; status: string; assigned_admin_id: number }[]> {
  const { rows } = await e2e.database.query(`
    SELECT l.id, l.status, l.assigned_admin_id FROM sales_leads l JOIN users u ON u.id = l.assigned_admin_id
    WHERE u.email = 'mike@pilot-crm.test' AND l.status IN ('assigned', 'in_progress')
    ORDER BY l.id LIMIT 8`);
  return rows;
}

async function leadRow(id: number) {
  const { rows } = await e2e.database.query(
    "SELECT status, assigned_admin_id, (SELECT count(*)::int FROM lead_events WHERE lead_id = $1) AS events FROM sales_leads WHERE id = $1",
    [id],
  );
  return rows[0];
}

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]", { hasText: text });

/** How often `text` occurs in what the page shows (dialogs included). */
const occurrences = (page: Page, text: string) =>
  page.evaluate((t) => document.body.innerText.split(t).length - 1, text);

describe.each(VIEWPORTS)("feedback at $name width ($width px)", ({ name, width, height, pick }) => {
  let page: Page;
  beforeEach(async () => {
    page = await newPage(e2e.browser, { width, height });
    await login(page, "mike@pilot-crm.test");
  });
  afterEach(async () => {
    await page.close();
  });

  it("a save shows a toast", async () => {
    const lead = (await mikesLeads())[2 + pick];
    await page.goto(`/admin/crm/lead/${lead.id}`);
    const form = page.getByRole("form", { name: "Log a sales action" });
    await form.getByRole("radio", { name: "Text" }).check();
    await form.getByLabel("Description").fill(`Texted the dispatcher (${name})`);
    await form.getByRole("button", { name: "Log text" }).click();
    await toast(page, "Logged.").waitFor();
    await screenshot(page, `feedback-${name}-toast`);
  });

  it("release asks for confirmation; cancelling changes nothing, confirming releases", async () => {
    const lead = (await mikesLeads())[pick];
    const before = await leadRow(lead.id);
    await page.goto(`/admin/crm/lead/${lead.id}`);
    await page.getByRole("button", { name: "Release to pool" }).click();
    const dialog = page.getByRole("dialog", { name: "Release this lead?" });
    await dialog.waitFor();
    await screenshot(page, `feedback-${name}-release-confirm`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.reload();
    await page.getByRole("button", { name: "Release to pool" }).waitFor();
    expect(await leadRow(lead.id)).toEqual(before);

    await page.getByRole("button", { name: "Release to pool" }).click();
    await dialog.getByRole("button", { name: "Release to pool" }).click();
    await toast(page, "Released back to the pending pool.").waitFor();
    expect((await leadRow(lead.id)).status).toBe("pending");
  });

  it("a bulk claim answers with one toast, a line per lead, naming who claimed a lead first", async () => {
    await page.goto("/admin/crm/leads?status=pending&sort=created&dir=desc");
    const rows = page.getByTestId("leads-table").locator("tbody tr[data-lead-id]");
    await rows.first().waitFor();
    // Two pool leads per width, out of the way of the other tests (which take the first rows).
    const ids = (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-lead-id"))))).slice(
      6 + 2 * pick,
      8 + 2 * pick,
    );
    expect(ids).toHaveLength(2);
    for (const id of ids) await page.getByTestId("leads-table").locator(`tr[data-lead-id="${id}"]`).getByRole("checkbox").check();
    const bar = page.getByRole("group", { name: "Bulk actions" });
    await bar.getByText("2 selected").waitFor();
    // Meanwhile Sarah claims the second one.
    await e2e.database.query(
      `UPDATE sales_leads SET status = 'assigned', assigned_admin_id = (SELECT id FROM users WHERE email = 'sarah@pilot-crm.test'), assigned_at = now() WHERE id = $1`,
      [ids[1]],
    );
    await bar.getByRole("button", { name: "Claim", exact: true }).click();
    const answer = toast(page, "1 done, 1 refused.");
    await answer.waitFor();
    expect(await answer.getAttribute("data-type")).toBe("warning");
    const text = await answer.textContent();
    expect(text).toContain(`✓ `);
    expect(text).toMatch(new RegExp(`#${ids[0]}\\): Claimed`));
    expect(text).toMatch(new RegExp(`#${ids[1]}\\): Sarah Chen claimed this lead first\\.`));
    expect(await page.getByTestId("bulk-result").count()).toBe(0);
    await screenshot(page, `feedback-${name}-bulk-toast`);
    expect((await leadRow(ids[0])).status).toBe("assigned");
  });

  it("a refused save says what is wrong once, beside the field", async () => {
    const lead = (await mikesLeads())[4 + pick];
    await page.goto(`/admin/crm/lead/${lead.id}`);
    await page.getByRole("button", { name: "Convert…" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark as converted" });
    const value = dialog.getByLabel(/Value/);
    // The estimate is a hint beside the field, not a placeholder that looks like a filled value.
    expect(await value.getAttribute("placeholder")).toBeNull();
    expect(await value.inputValue()).toBe("");
    await value.fill("0");
    await dialog.getByRole("button", { name: "Convert lead" }).click();
    const fieldError = dialog.locator("[data-field-error]");
    await fieldError.waitFor();
    const text = (await fieldError.textContent())!.trim();
    expect(text).toBe("Must be more than 0");
    expect(await occurrences(page, text)).toBe(1);
    expect(await value.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, `feedback-${name}-refusal`);
    expect((await leadRow(lead.id)).status).toBe(lead.status);
  });

  it("borders are the design's neutral, never the text colour Tailwind 4 defaults to", async () => {
    for (const path of ["/admin/crm", `/admin/crm/lead/${(await mikesLeads())[6].id}`, "/admin/crm/account"]) {
      await page.goto(path);
      await page.locator("main h1").first().waitFor();
      const inCurrentColor = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const s = getComputedStyle(el);
            return (["Top", "Right", "Bottom", "Left"] as const).some(
              (side) =>
                s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== "none" &&
                parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
                s.getPropertyValue(`border-${side.toLowerCase()}-color`) === s.color,
            );
          })
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`),
      );
      expect({ path, inCurrentColor }).toEqual({ path, inCurrentColor: [] });
    }
  });
});

describe("favicon", () => {
  it("/favicon.ico answers 200 with an icon", async () => {
    const res = await fetch(`${BASE_URL}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.readUInt16LE(2)).toBe(1); // ICO header: type 1 = icon
  });
});
