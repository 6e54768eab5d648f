import crypto from "node:crypto";
import { login, newPage, screenshot, openBrowserAndDatabase } from "./browser";

// A lead as the lead webhook leaves it (lib/ingest): a company with no contact yet, lead_data with
// the tool's data plus the ingest's `history`, and an activity holding the whole event.
const e2e = openBrowserAndDatabase();

const DATA = {
  route: {
    origin: { city: "Odessa", state: "TX" },
    destination: { city: "Casper", state: "WY" },
    states: ["TX", "NM", "CO", "WY"],
    miles: 912,
  },
  load: {
    length_ft: 120,
    width_ft: 14,
    height_ft: 15,
    weight_lbs: 180000,
    description: "Wind turbine blade",
  },
  road_types: ["interstate"],
};

async function webhookLead(repEmail: string): Promise<number> {
  const tag = crypto.randomBytes(4).toString("hex");
  const occurredAt = new Date().toISOString();
  const company = {
    external_id: `u_e2e_${tag}`,
    name: `Summit Freight ${tag}`,
    email: `ops_${tag}@summit.example`,
    state: "TX",
  };
  const webhookId = `msg_e2e_${tag}`;
  const event = { type: "load_plan", occurred_at: occurredAt, company, data: DATA };
  const { rows } = await e2e.database.query(
    `WITH c AS (
       INSERT INTO companies (external_id, name, email, email_norm, state, updated_at)
       VALUES ($1, $2, $3, $3, 'TX', now()) RETURNING id
     ), l AS (
       INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, assigned_admin_id, assigned_at, states, updated_at)
       SELECT c.id, 'load_plan', $4::jsonb, 500, 'assigned', u.id, now(), ARRAY['TX','NM','CO','WY'], now()
       FROM c, users u WHERE u.email = $5 RETURNING id
     )
     INSERT INTO lead_activities (lead_id, source, payload, webhook_id, occurred_at)
     SELECT l.id, 'load_plan', $6::jsonb, $7, $8::timestamptz FROM l RETURNING lead_id`,
    [
      company.external_id,
      company.name,
      company.email,
      JSON.stringify({
        ...DATA,
        history: [{ type: "load_plan", occurred_at: occurredAt, webhook_id: webhookId, data: DATA }],
      }),
      repEmail,
      JSON.stringify(event),
      webhookId,
      occurredAt,
    ],
  );
  return rows[0].lead_id;
}

describe.each([
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])("a lead born from a load-planner webhook at $width px", ({ width, height }) => {
  it("reads in words, has no History row in what they asked for, and the Initial template sends", async () => {
    const leadId = await webhookLead("sarah@pilot-crm.test");
    const page = await newPage(e2e.browser, { width, height });
    await login(page, "sarah@pilot-crm.test");
    await page.goto(`/admin/crm/lead/${leadId}`);

    const asked = page.getByRole("region", { name: "What they asked for" });
    await asked.getByText("Wind turbine blade").waitFor();
    const askedText = await asked.textContent();
    expect(askedText).toContain("Odessa, TX → Casper, WY · 912 mi");
    expect(askedText).toContain("120 ft L × 14 ft W × 15 ft H");
    expect(askedText).not.toMatch(/History|object Object/);

    const activity = page.getByRole("list", { name: "Timeline" }).locator("li[data-kind=activity]");
    const lines = await activity.first().textContent();
    expect(lines).toContain("Route: Odessa, TX → Casper, WY · 912 mi");
    expect(lines).toContain("States on the route: TX, NM, CO, WY");
    expect(lines).toContain("Load: Wind turbine blade");
    expect(lines).toContain("Weight: 180,000 lbs");
    expect(lines).not.toMatch(/object Object|Company|Data/);

    const panel = page.getByRole("region", { name: "Email" });
    await panel.getByLabel("Template").selectOption({ label: "Initial" });
    await panel.getByTestId("preview-subject").filter({ hasText: "Odessa, TX → Casper, WY" }).waitFor();
    await panel.locator("summary", { hasText: "Plain-text part" }).click();
    const text = (await panel.getByTestId("preview-text").textContent()) ?? "";
    expect(text).toMatch(/^Hi there,/);
    expect(text).not.toContain("{{");
    expect(await panel.getByRole("alert").count()).toBe(0);
    await screenshot(page, `webhook-lead-${width}`);
    await panel.getByRole("button", { name: "Send (to outbox)" }).click();
    await page.locator("[data-sonner-toast]", { hasText: "Kept in the outbox" }).waitFor();
    await page.context().close();
  });
});
