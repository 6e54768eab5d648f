import crypto from "node:crypto";
import { violations } from "./axe";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";

// Issue 17 in the browser: a rep sees "possible duplicate of …" on a company and asks for a
// merge; the manager finds the request on the duplicates page, picks the survivor and the fields,
// and merges; the leads move and the merged company's page leads to the survivor.
const e2e = openBrowserAndDatabase();

async function company(tag: string, fields: { name: string; usdot: string; city: string; phone: string | null }): Promise<number> {
  const { rows } = await e2e.database.query(
    `WITH c AS (
       INSERT INTO companies (external_id, name, email, email_norm, usdot, phone, city, state, updated_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, 'TX', now()) RETURNING id
     ), l AS (
       INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, states, updated_at)
       SELECT c.id, 'quote', '{}'::jsonb, 800, ARRAY['TX'], now() FROM c RETURNING company_id
     ) SELECT company_id AS id FROM l`,
    [`u_e2e_${tag}_${crypto.randomBytes(3).toString("hex")}`, fields.name, `ops_${tag}_${crypto.randomBytes(3).toString("hex")}@dup.example`, fields.usdot, fields.phone, fields.city],
  );
  return rows[0].id;
}

describe.each([
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])("duplicate companies at $width px", ({ width, height }) => {
  it("a rep asks for a merge; the manager merges with field choices", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const usdot = String(3_000_000 + crypto.randomInt(999_999));
    const keep = await company(tag, { name: `Red River Haul ${tag}`, usdot, city: "Austin", phone: null });
    const other = await company(tag, { name: `RED RIVER HAULING ${tag}`, usdot, city: "Dallas", phone: "+1 214 555 0142" });

    const rep = await newPage(e2e.browser, { width, height });
    await login(rep, "alex@pilot-crm.test");
    await rep.goto(`/admin/crm/company/${keep}`);
    const dupes = rep.getByRole("region", { name: "Possible duplicate of" });
    await dupes.getByText(`#${other} RED RIVER HAULING ${tag}`).waitFor();
    await dupes.getByText("Same USDOT").waitFor();
    expect(await violations(rep)).toEqual([]);
    await dupes.getByRole("button", { name: `Ask the manager to merge with #${other} RED RIVER HAULING ${tag}` }).click();
    await dupes.getByTestId("merge-request-pending").filter({ hasText: "Merge requested by you: pending" }).waitFor();
    await screenshot(rep, `company-duplicate-rep-${width}`);
    // The duplicates page is the manager's: a rep gets the 404 page.
    const refused = await rep.goto("/admin/crm/duplicates");
    expect(refused?.status()).toBe(404);
    await rep.context().close();

    const manager = await newPage(e2e.browser, { width, height });
    await login(manager, "manager@pilot-crm.test");
    await manager.goto("/admin/crm/duplicates");
    await manager.getByRole("heading", { name: "Duplicate companies", level: 1 }).waitFor();
    const request = manager.getByTestId("merge-requests").locator("li", { hasText: `#${keep} Red River Haul ${tag}` });
    await request.getByText("Alex").waitFor();
    expect(await violations(manager)).toEqual([]);
    await screenshot(manager, `duplicates-${width}`);
    await request.getByRole("link", { name: "Compare and merge" }).click();

    await manager.getByRole("heading", { name: "Merge companies", level: 1 }).waitFor();
    const form = manager.getByRole("form", { name: "Merge two companies" });
    await form.getByRole("radio", { name: new RegExp(`#${keep} Red River Haul`) }).check();
    // The survivor had no phone: the other's is chosen by default; take the other's city too.
    expect(await form.getByTestId("merge-field-phone").getByRole("radio", { name: /\+1 214 555 0142/ }).isChecked()).toBe(true);
    await form.getByTestId("merge-field-city").getByRole("radio", { name: /Dallas/ }).check();
    // Both have an open lead: the page says the merge keeps them apart, for a person to combine.
    const open = form.getByRole("note", { name: "Open leads on both companies" });
    await open.getByText("Both companies have open leads:").waitFor();
    const items = await open.getByRole("listitem").allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^Lead #\\d+ of #${keep} Red River Haul ${tag}: Pending, in the pool$`)),
        expect.stringMatching(new RegExp(`^Lead #\\d+ of #${other} RED RIVER HAULING ${tag}: Pending, in the pool$`)),
      ]),
    );
    expect(await violations(manager)).toEqual([]);
    await screenshot(manager, `merge-form-${width}`);
    await form.getByRole("button", { name: `Merge #${other} into #${keep}` }).click();

    await manager.waitForURL(`**/admin/crm/company/${keep}`);
    await manager.getByRole("heading", { name: `Red River Haul ${tag}`, level: 1 }).waitFor();
    await manager.getByRole("region", { name: "Leads (2)" }).waitFor();
    await manager.getByText("Company merged").first().waitFor();
    await manager.getByTestId("merged-open-leads").first().getByText("Both companies had open leads:", { exact: false }).waitFor();
    expect(await violations(manager)).toEqual([]);
    const { rows } = await e2e.database.query(`SELECT city, phone FROM companies WHERE id = $1`, [keep]);
    expect(rows[0]).toEqual({ city: "Dallas", phone: "+1 214 555 0142" });
    // The merged company's old address leads to the survivor.
    await manager.goto(`/admin/crm/company/${other}`);
    await manager.waitForURL(`**/admin/crm/company/${keep}`);
    await manager.context().close();
  });
});
