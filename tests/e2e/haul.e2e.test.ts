// Issue 16 in the browser: a lead's Haul panel (per-state escorts, flags, breakdown, unknown
// states) and the Haul rules page, where a rule with its bounds the wrong way round is refused on
// the field and saved rules show who changed them; both at 1440 px and 390 px, with axe.
import crypto from "node:crypto";
import { ESCORT_RULES_SEED } from "@/lib/haul/escort-rules-seed";
import { estimateHaul } from "@/lib/haul/estimate-haul";
import { violations } from "./axe";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();

// The lead as ingestion leaves it: the estimate stored on the lead with its flags.
async function haulLead(): Promise<{ id: number; name: string }> {
  const tag = crypto.randomBytes(4).toString("hex");
  const name = `Bayou Heavy Haul ${tag}`;
  const load = { length_ft: 80, width_ft: 17, height_ft: 14, weight_lbs: 150_000 };
  const haul = estimateHaul(
    { load, route: { states: ["TX", "LA", "AR"], miles: 900, stateMiles: { TX: 412, LA: 300 } }, roadTypes: ["interstate"] },
    { rules: ESCORT_RULES_SEED, escortMileRate: 2, permitFees: {} },
  );
  const { rows } = await e2e.database.query(
    `WITH c AS (INSERT INTO companies (external_id, name, state, updated_at) VALUES ($1, $2, 'TX', now()) RETURNING id)
     INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, states, haul, needs_police, superload, updated_at)
     SELECT c.id, 'load_plan', $3::jsonb, $4, 'pending', ARRAY['TX','LA','AR'], $5::jsonb, $6, $7, now() FROM c RETURNING id`,
    [`u_haul_${tag}`, name, JSON.stringify({ load }), haul.value!.estimate, JSON.stringify(haul), haul.flags.police, haul.flags.superload],
  );
  return { id: rows[0].id, name };
}

describe("the Haul panel on a lead", () => {
  it.each([
    ["1440", DESKTOP],
    ["390", PHONE],
  ] as const)("shows escorts per state, the flags and the unknown state at %s px, axe-clean", async (size, viewport) => {
    const lead = await haulLead();
    const page = await newPage(e2e.browser, viewport);
    await login(page, "sarah@pilot-crm.test");
    await page.goto(`/admin/crm/lead/${lead.id}`);
    const panel = page.getByTestId("haul-panel");
    await page.getByRole("heading", { name: "Haul", exact: true, level: 2 }).waitFor();
    // TX 17 ft wide: front and rear (2 × 412 mi); LA: state police, no private escort; AR unknown.
    await panel.getByRole("row", { name: /Texas \(TX\).*412 mi.*2/ }).waitFor();
    await panel.getByRole("row", { name: /Louisiana \(LA\).*300 mi.*0.*police/ }).waitFor();
    await panel.getByRole("row", { name: /Arkansas \(AR\).*188 mi.*unknown/ }).waitFor();
    await panel.getByText("Needs police escort", { exact: true }).waitFor();
    await panel.getByText("2 escorts × 412 mi in TX, permit fee unknown: TX+LA+AR, police escort in LA (not priced), no escort rules for AR, AR: the 188 mi of the route not given per state").waitFor();
    await panel.getByText("Unknown: no escort rules for AR yet, so it is not priced.").waitFor();
    expect(await panel.getByText("Worth $1,648").count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, `haul-lead-${size}`);
    await page.context().close();
  });
});

describe("the Haul rules page", () => {
  it("refuses bounds the wrong way round on the field, saves a fix and shows who changed it (1440 px), axe-clean at 1440 and 390 px", async () => {
    const page = await newPage(e2e.browser, DESKTOP);
    await login(page, "manager@pilot-crm.test");
    await page.getByRole("link", { name: "Haul rules" }).first().click();
    await page.getByRole("heading", { name: "Haul rules", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Texas (TX)" }).waitFor();
    expect(await violations(page)).toEqual([]);

    const { rows } = await e2e.database.query(
      `SELECT id, min_value, max_value FROM haul_rules WHERE state = 'LA' AND dimension = 'length' AND max_value = 1500`,
    );
    const rule = page.locator(`li[data-rule-id="${rows[0].id}"]`);
    await rule.locator("summary", { hasText: "Edit" }).click();
    await rule.getByLabel("Above (ft)").fill("130");
    await rule.getByLabel("Up to (ft)").fill("125");
    await rule.getByRole("button", { name: "Save rule" }).click();
    await rule.getByText("The upper bound (125) is below the lower bound (130): a load could never match").waitFor();
    // The toast points at the field; axe runs once it has gone (a toast fading out has no contrast).
    const refused = page.locator("[data-sonner-toast]", { hasText: "Not saved: check the marked fields." });
    await refused.waitFor();
    await refused.waitFor({ state: "detached" });
    const unchanged = await e2e.database.query(`SELECT min_value, max_value FROM haul_rules WHERE id = $1`, [rows[0].id]);
    expect(unchanged.rows[0]).toEqual({ min_value: 1080, max_value: 1500 });
    expect(await violations(page)).toEqual([]);
    await screenshot(page, "haul-rules-refused-1440");

    await rule.getByLabel("Above (ft)").fill("90");
    await rule.getByLabel("Note").fill("Escort behind overlength loads (B.4)");
    await rule.getByRole("button", { name: "Save rule" }).click();
    await page.getByText("Rule saved for LA").first().waitFor();
    await page.reload();
    const saved = page.locator(`li[data-rule-id="${rows[0].id}"]`);
    await saved.getByText("Escort behind overlength loads (B.4)", { exact: true }).waitFor();
    await saved.locator("summary", { hasText: "History (1)" }).click();
    await saved.getByText("manager@pilot-crm.test").waitFor();
    await saved.getByText("note: — → Escort behind overlength loads (B.4)").waitFor();

    const phone = await newPage(e2e.browser, PHONE);
    await login(phone, "manager@pilot-crm.test");
    await phone.goto("/admin/crm/haul");
    await phone.getByRole("heading", { name: "Louisiana (LA)" }).waitFor();
    expect(await violations(phone)).toEqual([]);
    await screenshot(phone, "haul-rules-390");
    await page.context().close();
    await phone.context().close();
  });
});
