// Texts in Chromium at 1440 px and 390 px (outbox mode: scripts/e2e.mjs starts the server without
// Twilio credentials): a rep writes a text with a variable on the lead page, sees it filled in,
// sends it and finds it in the lead's history and the outbox; axe finds nothing serious.
import pg from "pg";
import type { Page } from "playwright-core";
import { login, newPage, screenshot, openBrowserAndDatabase } from "./browser";
import { violations } from "./axe";

const e2e = openBrowserAndDatabase();
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]", { hasText: text });

// The texting hours are read in the company zone for a company without a state: every day,
// 08:00–21:00, in a fixed-offset zone where it is afternoon now — so the test passes at any hour.
// The settings are put back afterwards (browser tests run one file at a time).
// (A connection of this file's own: the shared one may be closed before this file's afterAll runs.)
let saved: { key: string; value: unknown }[] = [];
const settings = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(async () => {
  await settings.connect();
  const { rows } = await settings.query(`SELECT key, value FROM settings WHERE key IN ('time_zone', 'text_sending_hours')`);
  saved = rows;
  const offset = 14 - new Date().getUTCHours();
  const zone = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const put = `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`;
  await settings.query(put, ["time_zone", JSON.stringify(zone)]);
  await settings.query(put, ["text_sending_hours", JSON.stringify({ days: [1, 2, 3, 4, 5, 6, 7], start: "08:00", end: "21:00" })]);
});
afterAll(async () => {
  await settings.query(`DELETE FROM settings WHERE key IN ('time_zone', 'text_sending_hours')`);
  for (const r of saved) await settings.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())`, [r.key, JSON.stringify(r.value)]);
  await settings.end();
});

/** One of Mike's open leads (newest first, so other tests' picks stay theirs), given a textable number and no state. */
async function mikesLead(pick: number): Promise<{ id: number; company: string; phone: string }> {
  const { rows } = await e2e.database.query(`
    SELECT l.id, c.id AS company_id, c.name AS company FROM sales_leads l JOIN users u ON u.id = l.assigned_admin_id JOIN companies c ON c.id = l.company_id
    WHERE u.email = 'mike@pilot-crm.test' AND l.status IN ('assigned', 'in_progress')
    ORDER BY l.id DESC LIMIT 2`);
  if (rows.length < 2) throw new Error("the demo seed gives Mike too few open leads");
  const row = rows[pick];
  const phone = `+1512555${String(100 + pick).padStart(4, "0")}`;
  await e2e.database.query(`UPDATE companies SET phone = $2, state = NULL WHERE id = $1`, [row.company_id, phone]);
  await e2e.database.query(`UPDATE contacts SET phone = NULL WHERE company_id = $1`, [row.company_id]);
  return { id: row.id, company: row.company, phone };
}

describe.each([
  { width: 1440, height: 900, pick: 0 },
  { width: 390, height: 844, pick: 1 },
])("texts at $width px", ({ width, height, pick }) => {
  it("a rep sends a text from the lead page and sees it in the history and the outbox", async () => {
    const lead = await mikesLead(pick);
    const page = await newPage(e2e.browser, { width, height });
    await login(page, "mike@pilot-crm.test");
    await page.goto(`/admin/crm/lead/${lead.id}`);
    const panel = page.getByRole("region", { name: "Text message" });
    await panel.getByText("Outbox mode: texts are kept, not sent").waitFor();
    expect(await panel.getByLabel("Text to").inputValue()).toBe(lead.phone);
    const words = `Hi from {{rep_first_name}} at ${width}px: about {{company_name}}`;
    await panel.getByLabel("Text", { exact: true }).fill(words);
    await panel.getByTestId("text-preview").filter({ hasText: `Hi from Mike at ${width}px: about ${lead.company}` }).waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `texts-compose-${width}`);
    await panel.getByRole("button", { name: "Send text (to outbox)" }).click();
    await toast(page, `Text kept in the outbox (outbox mode), to ${lead.phone}`).waitFor();

    // The history shows the text as it went out (filled in), once.
    const history = page.getByRole("region", { name: "History" });
    const item = history.locator("li", { hasText: `Text sent to ${lead.phone}` });
    await item.filter({ hasText: `Hi from Mike at ${width}px: about ${lead.company}` }).first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `texts-history-${width}`);

    await page.goto("/admin/crm/outbox");
    await page.getByTestId("outbox-text").filter({ hasText: `Hi from Mike at ${width}px` }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

it("the manager writes a text template that a rep then picks on a lead page", async () => {
  const page = await newPage(e2e.browser, { width: 1440, height: 900 });
  await login(page, "manager@pilot-crm.test");
  await page.goto("/admin/crm/texts");
  const form = page.getByRole("form", { name: "New text template" });
  await form.getByLabel("Name").fill("Quick check-in");
  await form.getByLabel(/^Text \(/).fill("Hi {{contact_first_name | \"there\"}}, any loads this week? {{rep_name}}");
  await form.getByRole("button", { name: "Add text template" }).click();
  await toast(page, "Saved “Quick check-in” as version 1").waitFor();
  await page.getByTestId("text-template").filter({ hasText: "Quick check-in" }).waitFor();
  expect(await violations(page)).toEqual([]);
  await page.close();

  const lead = await mikesLead(0);
  const rep = await newPage(e2e.browser, { width: 390, height: 844 });
  await login(rep, "mike@pilot-crm.test");
  await rep.goto(`/admin/crm/lead/${lead.id}`);
  const panel = rep.getByRole("region", { name: "Text message" });
  await panel.getByLabel("Text template").selectOption({ label: "Quick check-in" });
  await panel.getByTestId("text-preview").filter({ hasText: /^Hi .+, any loads this week\? Mike Johnson$/ }).waitFor();
  await rep.close();
});

describe.each([
  { width: 1440, height: 900, bad: { field: /^From/, value: "07:30" }, good: { start: "08:30", end: "20:30" } },
  { width: 390, height: 844, bad: { field: /^Until/, value: "21:30" }, good: { start: "09:00", end: "20:00" } },
])("the texting hours and the unknown numbers at $width px", ({ width, height, bad, good }) => {
  it("the manager sets the texting hours (the TCPA bounds refused beside the field) and sees the texts from unknown numbers; a rep sees neither", async () => {
    // A text from a number no company or contact has, as the inbound webhook stores it.
    const from = `+1512555${String(width).padStart(4, "0")}`;
    await e2e.database.query(
      `INSERT INTO text_messages (direction, to_phone, from_phone, body, status, twilio_sid, updated_at) VALUES ('inbound', '+15125550100', $1, $2, 'received', $3, now())`,
      [from, `Who is this? (${width})`, `SMe2e${width}${Date.now()}`],
    );
    const page = await newPage(e2e.browser, { width, height });
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/texts");
    const form = page.getByTestId("text-sending-hours");
    const unmatched = page.getByTestId("unmatched-texts");
    await unmatched.getByTestId("unmatched-text").filter({ hasText: from }).filter({ hasText: `Who is this? (${width})` }).waitFor();

    // Inside the TCPA's quiet hours: refused under the field, nothing saved.
    await form.getByLabel(bad.field).fill(bad.value);
    await form.getByRole("button", { name: "Save texting hours" }).click();
    await form.locator("[data-field-error]", { hasText: "Texts may go out only between 08:00 and 21:00 (TCPA quiet hours)" }).waitFor();
    expect(await form.getByLabel(bad.field).getAttribute("aria-invalid")).toBe("true");
    await page.mouse.move(0, 0);
    await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached" });
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `texts-hours-refused-${width}`);

    // Every day stays ticked, so the other texts tests of this file keep their open hours.
    await form.getByLabel(/^From/).fill(good.start);
    await form.getByLabel(/^Until/).fill(good.end);
    await form.getByRole("button", { name: "Save texting hours" }).click();
    await toast(page, "Texting hours saved").waitFor();
    await page.getByTestId("texting-hours-now").filter({ hasText: `Mon, Tue, Wed, Thu, Fri, Sat, Sun ${good.start}–${good.end}` }).waitFor();
    const { rows } = await e2e.database.query(`SELECT value FROM settings WHERE key = 'text_sending_hours'`);
    expect(rows[0].value).toEqual({ days: [1, 2, 3, 4, 5, 6, 7], start: good.start, end: good.end });
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `texts-hours-${width}`);
    await page.close();

    // A rep reads the hours but has neither the form nor the list.
    const rep = await newPage(e2e.browser, { width, height });
    await login(rep, "mike@pilot-crm.test");
    await rep.goto("/admin/crm/texts");
    await rep.getByTestId("texting-hours-now").filter({ hasText: `${good.start}–${good.end}` }).waitFor();
    expect(await rep.getByTestId("text-sending-hours").count()).toBe(0);
    expect(await rep.getByTestId("unmatched-texts").count()).toBe(0);
    expect(await violations(rep)).toEqual([]);
    await rep.close();
  });
});
