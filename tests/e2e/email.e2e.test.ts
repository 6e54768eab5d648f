import type { Page } from "playwright-core";
import { login, newPage, screenshot, openBrowserAndDatabase } from "./browser";

// Outbox mode: scripts/e2e.mjs starts the server without SENDGRID_API_KEY, so nothing is sent.
const e2e = openBrowserAndDatabase();

/** One of Alex's open demo leads whose company has a contact with an email. */
async function alexsLead(): Promise<{ id: number; company: string; contact: string }> {
  const { rows } = await e2e.database.query(`
    SELECT l.id, c.name AS company, (SELECT name FROM contacts WHERE company_id = c.id AND email IS NOT NULL ORDER BY id LIMIT 1) AS contact
    FROM sales_leads l JOIN users u ON u.id = l.assigned_admin_id JOIN companies c ON c.id = l.company_id
    WHERE u.email = 'alex@pilot-crm.test' AND l.status IN ('assigned', 'in_progress')
      AND EXISTS (SELECT 1 FROM contacts WHERE company_id = c.id AND email IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM email_messages WHERE lead_id = l.id)
    ORDER BY l.id LIMIT 1`);
  return rows[0];
}

async function openOutboxMessage(page: Page, subject: string) {
  await page.goto("/admin/crm/outbox");
  await page.getByTestId("outbox-banner").waitFor();
  const item = page.getByTestId("outbox-message").filter({ hasText: subject }).first();
  await item.locator("summary").first().click();
  return item;
}

describe("email", () => {
  it("lets a rep send the Follow-up template from a lead page in outbox mode, then see it in the outbox and on the timeline", async () => {
    const lead = await alexsLead();
    const page = await newPage(e2e.browser);
    await login(page, "alex@pilot-crm.test");
    await page.goto(`/admin/crm/lead/${lead.id}`);
    const panel = page.getByRole("region", { name: "Email" });
    await panel.getByLabel("Template").selectOption({ label: "Follow-up" });
    await panel.getByTestId("preview-subject").filter({ hasText: "Following up on your pilot car quote" }).waitFor();
    const firstName = lead.contact.split(" ")[0];
    // The preview is filled in for this lead: the contact, the company, the rep.
    const body = panel.getByLabel("Message");
    expect(await body.inputValue()).toContain("{{company_name}}");
    await panel.locator("summary", { hasText: "Plain-text part" }).click();
    const text = await panel.getByTestId("preview-text").textContent();
    expect(text).toContain(`Hi ${lead.contact},`);
    expect(text).toContain(lead.company);
    expect(text).toContain("Alex Rivera");
    // The rep edits the text before sending.
    await body.fill((await body.inputValue()).replace("Thanks,", `Thanks ${firstName}, talk soon,`));
    await screenshot(page, "email-lead-compose");
    await panel.getByRole("button", { name: "Send (to outbox)" }).click();
    await page.locator("[data-sonner-toast]", { hasText: "Kept in the outbox" }).waitFor();
    const row = panel.getByTestId("lead-emails").locator("tr", { hasText: "Following up on your pilot car quote" });
    await row.getByTestId("email-status").filter({ hasText: "simulated" }).waitFor();
    // The lead's history (the lead page's timeline) shows the email.
    await page.reload();
    await page.getByText("Email: Following up on your pilot car quote").first().waitFor();
    await screenshot(page, "email-lead-sent-timeline");

    const item = await openOutboxMessage(page, "Following up on your pilot car quote");
    await item.getByText(`Lead #${lead.id}`).waitFor();
    const html = await item.frameLocator("iframe").locator("body").innerText();
    expect(html).toContain(`Hi ${lead.contact},`);
    expect(html).toContain(`Thanks ${firstName}, talk soon,`);
    await screenshot(page, "email-outbox");
    await page.close();
  });

  it("lets the manager edit a shared template with a live preview, save a new version and send a test to the outbox", async () => {
    const page = await newPage(e2e.browser);
    await login(page, "manager@pilot-crm.test");
    await page.goto("/admin/crm/templates");
    await page.getByRole("link", { name: "Callback" }).click();
    await page.getByRole("heading", { name: /Callback/ }).waitFor();
    const subject = page.getByLabel("Subject");
    await subject.fill("Call back: {{company_name}} and {{compnay_name}}");
    await page.getByRole("alert").filter({ hasText: "Unknown variable: {{compnay_name}}" }).waitFor();
    await page.getByRole("button", { name: "Save as version 2" }).click();
    // Refused: the toast points at the field, the field says what is wrong (once, not twice).
    await page.locator("[data-sonner-toast]", { hasText: "Not saved: check the marked fields." }).waitFor();
    await page.locator("[data-field-error]", { hasText: "Unknown variable: {{compnay_name}}" }).waitFor();

    await subject.fill("Call back for {{company_name}} ({{quote_total}})");
    await page.getByTestId("preview-subject").filter({ hasText: "Call back for Lone Star Heavy Haul ($1,250.00)" }).waitFor();
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await page.getByRole("heading", { name: /Callback\s+v2/ }).waitFor();
    await screenshot(page, "email-template-editor");

    await page.getByRole("button", { name: "Send me a test" }).click();
    await page.locator("[data-sonner-toast]", { hasText: "Test kept in the outbox" }).waitFor();
    const item = await openOutboxMessage(page, "[Test] Call back for Lone Star Heavy Haul ($1,250.00)");
    await item.getByText("Test email").waitFor();
    expect(await item.frameLocator("iframe").locator("body").innerText()).toContain("Morgan Lee");
    await page.close();
  });

  it("hides shared-template editing from a rep, who saves a personal copy instead", async () => {
    const page = await newPage(e2e.browser);
    await login(page, "sarah@pilot-crm.test");
    await page.goto("/admin/crm/templates");
    await page.getByRole("link", { name: "Initial" }).click();
    await page.getByRole("button", { name: "Save as my copy" }).click();
    await page.getByRole("heading", { name: /Initial \(my copy\)\s+v1 · personal/ }).waitFor();
    await page.goto("/admin/crm/templates");
    await page.getByRole("row", { name: /Initial \(my copy\).*Personal/ }).waitFor();
    await page.close();
  });
});
