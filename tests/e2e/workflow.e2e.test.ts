import type { Browser, Page } from "playwright-core";
import { launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).textContent())?.trim() ?? "";
const money = (s: string) => Number(s.replace(/[^\d.]/g, ""));

describe("lead workflow", () => {
  it("a rep claims a pending lead from the dashboard, logs a call, converts it, and the dashboard numbers change", async () => {
    const page = await newPage(browser);
    await login(page, "jessica@pilot-crm.test");
    await page.getByRole("heading", { name: /Welcome, Jessica/ }).waitFor();
    const before = {
      pending: Number(await text(page, "count-pending")),
      conversions: Number(await text(page, "perf-conversions")),
      revenue: money(await text(page, "perf-revenue")),
      leads: Number(await text(page, "perf-leads")),
    };
    await screenshot(page, "workflow-01-dashboard-before");

    // Claim the newest pending lead: "Assign to me" takes the rep straight to it.
    const first = page.getByTestId("pending-leads").locator("li").first();
    const leadId = await first.getAttribute("data-lead-id");
    await first.getByRole("button", { name: /^Assign to me/ }).click();
    await page.waitForURL(`**/admin/crm/lead/${leadId}`);
    await page.locator("[data-status=assigned]").first().waitFor();
    await page
      .getByTestId("lead-facts")
      .getByText(/Jessica Patel since/)
      .waitFor();
    await screenshot(page, "workflow-02-lead-claimed");

    // Log a call with an outcome and a follow-up (quick pick: tomorrow).
    const form = page.getByRole("form", { name: "Log a sales action" });
    await form.getByRole("radio", { name: "Call" }).check();
    await form.getByLabel(/Outcome/).selectOption("interested");
    await form.getByLabel("Description").fill("Intro call with the dispatcher");
    await form.getByLabel("Notes").fill("Needs two chase cars, asked for a quote");
    await form.getByRole("button", { name: "Tomorrow", exact: true }).click();
    const followUp = await form.getByLabel("Follow-up date").inputValue();
    expect(followUp).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole("button", { name: "Log call" }).click();
    await page.getByRole("list", { name: "Timeline" }).getByText("Call — Interested").waitFor();
    await page.locator("[data-status=in_progress]").first().waitFor();
    const facts = page.getByTestId("lead-facts");
    expect(await facts.textContent()).toContain("Interested");
    expect(await facts.textContent()).not.toMatch(/Next follow-up—/);
    await screenshot(page, "workflow-03-call-logged");

    // Convert with a value (the dialog refuses an empty one: the field is required).
    await page.getByRole("button", { name: "Convert…" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark as converted" });
    await dialog.getByLabel(/Value/).fill("2500");
    await screenshot(page, "workflow-04-convert-dialog");
    await dialog.getByRole("button", { name: "Convert lead" }).click();
    await page.locator("[data-status=converted]").first().waitFor();
    await page.getByRole("list", { name: "Timeline" }).getByText("Converted for $2,500").waitFor();
    await screenshot(page, "workflow-05-converted");

    await page.goto("/admin/crm");
    await page.getByRole("heading", { name: /Welcome, Jessica/ }).waitFor();
    expect(Number(await text(page, "count-pending"))).toBe(before.pending - 1);
    expect(Number(await text(page, "perf-leads"))).toBe(before.leads + 1);
    expect(Number(await text(page, "perf-conversions"))).toBe(before.conversions + 1);
    expect(money(await text(page, "perf-revenue"))).toBeCloseTo(before.revenue + 2500, 2);
    await screenshot(page, "workflow-06-dashboard-after");
    await page.close();
  });

  it("a manager assigns a lead to a rep from the leads table", async () => {
    const page = await newPage(browser);
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/leads?status=pending");
    const table = page.getByTestId("leads-table");
    const row = table.locator("tbody tr").first();
    const leadId = await row.getAttribute("data-lead-id");
    await row.getByRole("checkbox").check();
    const bar = page.getByRole("group", { name: "Bulk actions" });
    await bar.getByText("1 selected").waitFor();
    await bar.getByLabel("Assign to").selectOption({ label: "Sarah Chen" });
    await screenshot(page, "workflow-07-manager-assigning");
    await bar.getByRole("button", { name: "Assign" }).click();
    // The answer is the shared toast, one line per lead.
    const result = page.locator("[data-sonner-toast]", { hasText: "1 done, 0 refused." });
    await result.waitFor();
    expect(await result.textContent()).toContain("Assigned");
    expect(await page.getByTestId("bulk-result").count()).toBe(0);
    // The pending view no longer lists it.
    await page.waitForFunction(
      (id) => !document.querySelector(`[data-testid=leads-table] tr[data-lead-id="${id}"]`),
      leadId,
    );
    await screenshot(page, "workflow-08-manager-assigned");

    await page.goto(`/admin/crm/lead/${leadId}`);
    await page.getByText("held by Sarah Chen").waitFor();
    await page.getByRole("list", { name: "Timeline" }).getByText("To Sarah Chen").waitFor();
    await screenshot(page, "workflow-09-lead-assigned-to-sarah");
    await page.close();
  });

  it("sorts and filters through the URL, and the lead page works on a phone", async () => {
    const page = await newPage(browser);
    await login(page, "david@pilot-crm.test");
    await page.goto("/admin/crm/leads");
    await page.getByRole("button", { name: /^Value/ }).click();
    await page.waitForURL(/sort=value/);
    await page.getByLabel("Search company name, email, phone or USDOT").fill("Lone Star");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/q=Lone\+Star/);
    const names = await page
      .getByTestId("leads-table")
      .locator("tbody tr td:nth-child(2) a")
      .allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/Lone Star/);
    await screenshot(page, "workflow-10-search-sorted");
    const href = await page.getByRole("link", { name: "Export these leads (CSV)" }).getAttribute("href");
    expect(href).toContain("q=Lone+Star");
    const total = Number((await page.getByTestId("leads-count").textContent())!.match(/of (\d+) leads/)![1]);
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(total + 1); // the header, then one line per lead

    // Next / Previous page by keyset: the cursor rides in the URL (shareable), page 1 is plain.
    await page.goto("/admin/crm/leads?sort=value&dir=desc");
    const rowIds = () =>
      page.getByTestId("leads-table").locator("tbody tr[data-lead-id]").evaluateAll((trs) =>
        trs.map((tr) => tr.getAttribute("data-lead-id")),
      );
    const first = await rowIds();
    await page.getByRole("button", { name: "Next →" }).click();
    await page.waitForURL(/page=2&after=/);
    const second = await rowIds();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await page.getByRole("button", { name: "Next →" }).click();
    await page.waitForURL(/page=3&after=/);
    const shared = page.url();
    const third = await rowIds();
    await page.getByRole("button", { name: "← Previous" }).click();
    await page.waitForURL(/page=2&before=/);
    expect(await rowIds()).toEqual(second);
    await page.getByRole("button", { name: "← Previous" }).click();
    await page.waitForURL((u) => !u.search.includes("page=") && !u.search.includes("after="));
    expect(await rowIds()).toEqual(first);
    await page.goto(shared);
    expect(await rowIds()).toEqual(third);
    await page.close();

    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, "david@pilot-crm.test");
    await phone.goto(`/admin/crm/leads?assigned=me&status=in_progress`);
    await phone.getByTestId("leads-table").locator("tbody tr a").first().click();
    await phone.getByRole("heading", { name: "Quick actions" }).waitFor();
    await phone.getByRole("form", { name: "Log a sales action" }).waitFor();
    await screenshot(phone, "workflow-11-lead-on-phone");
    await phone.close();
  });
});
