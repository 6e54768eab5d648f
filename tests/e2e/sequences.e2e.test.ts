// Sequences in Chromium at 1440 px and 390 px: a rep builds a sequence (email → wait → text with a
// shared text template → call task), enrols one of their leads from the leads table's bulk bar,
// and sees the enrolment on the lead page with pause / stop; axe finds nothing serious on the
// sequences, report and lead pages.
import type { Page } from "playwright-core";
import { login, newPage, screenshot, openBrowserAndDatabase } from "./browser";
import { violations } from "./axe";

const e2e = openBrowserAndDatabase();

// The manager's shared text template the text step sends (the manager writes them on the Texts page).
const TEXT_TEMPLATE = "Quote check-in (sequences e2e)";
beforeAll(async () => {
  await e2e.database.query(`INSERT INTO text_templates (name, body, updated_at) VALUES ($1, $2, now())`, [
    TEXT_TEMPLATE,
    'Hi {{contact_first_name | "there"}}, {{rep_first_name}} here: did the quote work for you?',
  ]);
});

/** One of Sarah's open leads with an email address, a number to text and no sequence yet (a different one per width). */
async function sarahsLead(pick: number): Promise<{ id: number; company: string }> {
  const { rows } = await e2e.database.query(`
    SELECT l.id, c.name AS company FROM sales_leads l JOIN users u ON u.id = l.assigned_admin_id JOIN companies c ON c.id = l.company_id
    WHERE u.email = 'sarah@pilot-crm.test' AND l.status IN ('assigned', 'in_progress')
      AND EXISTS (SELECT 1 FROM contacts WHERE company_id = c.id AND email IS NOT NULL)
      AND c.phone_norm IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM sequence_enrolments WHERE lead_id = l.id)
    ORDER BY l.id LIMIT 2`);
  if (rows.length < 2) throw new Error("the demo seed gives Sarah too few open leads with an email address and a phone");
  return rows[pick];
}

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]", { hasText: text });

describe.each([
  { width: 1440, height: 900, pick: 0 },
  { width: 390, height: 844, pick: 1 },
])("sequences at $width px", ({ width, height, pick }) => {
  it("builds a sequence, enrols a lead from the leads table and shows it on the lead", async () => {
    const page = await newPage(e2e.browser, { width, height });
    await login(page, "sarah@pilot-crm.test");
    const name = `Quote chase ${width}`;

    await page.goto("/admin/crm/sequences");
    const builder = page.getByTestId("sequence-builder");
    // Saving an email step without its template is refused beside the step, nothing written.
    await builder.getByLabel("Name").fill(name);
    await builder.getByRole("button", { name: "Save sequence" }).click();
    await builder.locator("[data-field-error]", { hasText: "Choose the email's template" }).waitFor();
    // On a phone the refusal's toast sits over the form's last button: let it go first.
    await page.mouse.move(0, 0);
    await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached" });
    await builder.getByTestId("step-0").getByLabel("Template").selectOption({ label: "Follow-up" });
    await builder.getByTestId("step-1").getByLabel("Wait").fill("2");
    // The third step becomes a text that sends the shared template; its words show under the picker.
    const text = builder.getByTestId("step-2");
    await text.getByLabel("Kind").selectOption({ label: "Text" });
    await text.getByLabel("Text template").selectOption({ label: TEXT_TEMPLATE });
    await text.getByTestId("text-template-words").filter({ hasText: "did the quote work for you?" }).waitFor();
    expect(await text.getByRole("textbox").count()).toBe(0);
    await builder.getByRole("button", { name: "Add a step" }).click();
    await builder.getByTestId("step-3").getByLabel("Kind").selectOption({ label: "Call task" });
    await builder.getByTestId("step-3").getByLabel("What the call is about").fill("Ask about the quote");
    await builder.getByRole("button", { name: "Save sequence" }).click();
    await toast(page, "Sequence saved.").waitFor();
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
    await row.getByText(`Text “${TEXT_TEMPLATE}”`).waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `sequences-list-${width}`);

    const lead = await sarahsLead(pick);
    await page.goto(`/admin/crm/leads?assigned=me&q=${encodeURIComponent(lead.company)}`);
    await page.getByLabel(`Select ${lead.company} (lead #${lead.id})`).check();
    const bar = page.getByRole("group", { name: "Bulk actions" });
    await bar.getByLabel("Sequence").selectOption({ label: name });
    await bar.getByRole("button", { name: "Enrol" }).click();
    await toast(page, "1 enrolled, 0 refused.").waitFor();
    await toast(page, `Enrolled in ${name}`).waitFor();

    await page.goto(`/admin/crm/lead/${lead.id}`);
    const panel = page.getByTestId("lead-sequences");
    await panel.getByRole("link", { name }).waitFor();
    await panel.getByTestId("enrolment-status").filter({ hasText: "Active" }).waitFor();
    await panel.getByText(/Step 1 of 4 \(Email\)/).waitFor();
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `sequences-lead-${width}`);

    // Pause, then stop by hand: the reason shows on the lead.
    await panel.getByRole("button", { name: "Pause" }).click();
    await toast(page, "Paused.").waitFor();
    // The toast appears under the pointer, and a hovered toast stays: move away, let it go.
    await page.mouse.move(0, 0);
    await toast(page, "Paused.").waitFor({ state: "detached" });
    await panel.getByTestId("enrolment-status").filter({ hasText: "Paused" }).waitFor();
    await panel.getByRole("button", { name: "Stop" }).click();
    await toast(page, "Stopped.").waitFor();
    await panel.getByTestId("enrolment-reason").filter({ hasText: "Stopped by hand" }).waitFor();

    // The report counts it, with its definitions.
    await panel.getByRole("link", { name }).click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.getByTestId("seq-enrolled").filter({ hasText: "1" }).waitFor();
    await page.getByTestId("sequence-definitions").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
