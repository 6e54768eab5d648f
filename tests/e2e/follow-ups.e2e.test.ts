// Timed follow-ups in Chromium at 1440 px and 390 px: a quick pick fills the day and the time and
// saves a timed follow-up; snooze works from the lead page and from the call list's overdue
// list; axe finds nothing serious on either page.
import type { Page } from "playwright-core";
import { login, newPage, screenshot, openBrowserAndDatabase } from "./browser";
import { violations } from "./axe";

const e2e = openBrowserAndDatabase();

// Jessica's open leads (only the workflow test also works hers, on other leads).
async function jessicasLead(pick: number): Promise<{ id: number; company: string }> {
  const { rows } = await e2e.database.query(`
    SELECT l.id, c.name AS company FROM sales_leads l JOIN users u ON u.id = l.assigned_admin_id JOIN companies c ON c.id = l.company_id
    WHERE u.email = 'jessica@pilot-crm.test' AND l.status IN ('assigned', 'in_progress')
    ORDER BY l.id DESC LIMIT 4`);
  if (rows.length < 4) throw new Error("the demo seed gives Jessica too few open leads");
  return rows[pick];
}

/** The lead's follow-up as the company's wall clock reads it. */
async function followUp(id: number): Promise<{ has_time: boolean; local: string; dow: number; minutes_from_now: number; today: string }> {
  const { rows } = await e2e.database.query(
    `WITH z AS (SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'time_zone'), 'America/Chicago') AS tz)
     SELECT l.next_follow_up_has_time AS has_time, to_char(l.next_follow_up_at AT TIME ZONE z.tz, 'YYYY-MM-DD HH24:MI') AS local,
            extract(isodow FROM l.next_follow_up_at AT TIME ZONE z.tz)::int AS dow,
            extract(epoch FROM l.next_follow_up_at - now())::float / 60 AS minutes_from_now,
            to_char(now() AT TIME ZONE z.tz, 'YYYY-MM-DD') AS today
     FROM sales_leads l, z WHERE l.id = $1`,
    [id],
  );
  return rows[0];
}

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]", { hasText: text });

describe.each([
  { width: 1440, height: 900, lead: 0, overdue: 1 },
  { width: 390, height: 844, lead: 2, overdue: 3 },
])("follow-ups at $width px", ({ width, height, lead: pickLead, overdue: pickOverdue }) => {
  it("a quick pick saves a timed follow-up, and snooze moves it, from the lead page and the call list", async () => {
    const page = await newPage(e2e.browser, { width, height });
    await login(page, "jessica@pilot-crm.test");
    const lead = await jessicasLead(pickLead);
    await page.goto(`/admin/crm/lead/${lead.id}`);
    const form = page.getByRole("form", { name: "Log a sales action" });
    await form.getByLabel(/^Outcome/).selectOption("callback");
    await form.getByRole("button", { name: "Tomorrow 9:00" }).click();
    expect(await form.getByLabel("Follow-up time (optional)").inputValue()).toBe("09:00");
    expect(await form.getByLabel("Follow-up date").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await form.getByRole("button", { name: "Tomorrow 9:00" }).getAttribute("aria-pressed")).toBe("true");
    await form.getByRole("button", { name: "Log call" }).click();
    await toast(page, "Logged.").waitFor();
    const saved = await followUp(lead.id);
    expect(saved.has_time).toBe(true);
    expect(saved.local.slice(11)).toBe("09:00");
    expect(saved.local.slice(0, 10) > saved.today).toBe(true);
    await page.getByTestId("next-follow-up").filter({ hasText: /9:00 AM/ }).waitFor();

    // Snooze from the lead page: in one hour.
    const before = Date.now();
    await page.getByRole("button", { name: `Snooze ${lead.company}: in 1 hour` }).click();
    await toast(page, "Snoozed.").waitFor();
    const snoozed = await followUp(lead.id);
    expect(snoozed.has_time).toBe(true);
    expect(snoozed.minutes_from_now).toBeGreaterThan(58);
    expect(snoozed.minutes_from_now).toBeLessThanOrEqual(60 + (Date.now() - before) / 60_000);
    await page.getByRole("list", { name: "Timeline" }).getByText("Follow-up snoozed").first().waitFor();
    await screenshot(page, `follow-up-snoozed-${width}`);
    // axe on the page itself: a toast caught mid-fade has no stable contrast. The pointer leaves
    // the toasts' corner first (Sonner keeps a toast while it is hovered).
    await page.mouse.move(0, 0);
    await toast(page, "Snoozed.").waitFor({ state: "detached" });
    expect(await violations(page)).toEqual([]);

    // Snooze from the call list: an overdue follow-up, to next Monday (a day, no time).
    const late = await jessicasLead(pickOverdue);
    await e2e.database.query(
      "UPDATE sales_leads SET next_follow_up_at = now() - interval '2 hours', next_follow_up_has_time = true WHERE id = $1",
      [late.id],
    );
    await page.goto("/admin/crm/calls");
    const overdue = page.getByRole("region", { name: /Overdue follow-ups/ }).or(page.getByTestId("overdue-follow-ups"));
    await overdue.first().getByRole("rowheader", { name: late.company }).waitFor();
    await page.getByRole("button", { name: `Snooze ${late.company}: next Monday` }).click();
    await toast(page, "Snoozed.").waitFor();
    const monday = await followUp(late.id);
    expect(monday).toMatchObject({ has_time: false, dow: 1 });
    expect(monday.local.slice(0, 10) > monday.today).toBe(true);
    await page.getByRole("rowheader", { name: late.company }).waitFor({ state: "detached" });
    await screenshot(page, `call-list-overdue-${width}`);
    await page.mouse.move(0, 0);
    await toast(page, "Snoozed.").waitFor({ state: "detached" });
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
