// Stored XSS (issue #14): script-like text saved in a company name, a contact name, a lead's load,
// sales-action notes (one with a follow-up), a rep's and a territory's name, an email
// template's name, subject and body (with `javascript:` links) and a text from an unknown number
// (anyone may text us) is shown as text on every page
// that shows it, at 1440 px and at 390 px: `window.__xss` stays unset, no dialog opens, and no
// element the text describes exists in the page or in the email previews' frames.
import crypto from "node:crypto";
import type { Frame, Page } from "playwright-core";
import { DEMO_PASSWORD, login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();

const TAG = crypto.randomBytes(3).toString("hex");
const SCRIPT = "<script>window.__xss=1</script>";
const IMG = "<img src=x onerror=window.__xss=1>";
const SVG = `"><svg onload=alert(document.domain)>`;
const JS_LINK = "javascript:window.__xss=1";
// A text from a number nobody has: stored without a lead, listed on the manager's Texts page.
const UNKNOWN_TEXT = `Hi ${TAG} ${SCRIPT} ${IMG}`;

const COMPANY = `Haul ${TAG} ${SCRIPT} ${SVG}`;
const CONTACT = `Dana ${IMG}`;
const LOAD = `Blade ${IMG}`;
const NOTE = `Met them ${SCRIPT} ${IMG}`;
const FOLLOW_UP_NOTE = `Call back ${SVG}`;
const REP_NAME = `Rep ${TAG} ${IMG}`;
const REP_EMAIL = `xss_${TAG}@pilot-crm.test`;
const TERRITORY = `Zone ${TAG} ${IMG}`;
const TEMPLATE_NAME = `XSS ${TAG} ${SVG}`;
const SUBJECT = `Quote ${IMG} for {{company_name}}`;
const SENT_SUBJECT = `Quote ${IMG} for ${COMPANY}`;
const BODY = [
  "Hi {{contact_name}},",
  `<a href="${JS_LINK}">open the quote</a> or [open](${JS_LINK}) or ${JS_LINK}`,
  `https://example.com/"><img src=x onerror=window.__xss=1>`,
  SCRIPT,
].join("\n\n");

type TSetup = { leadId: number; poolLeadId: number; templateId: number; companyId: number; twinId: number };
let setup: TSetup;

/** What a stored payload could have become: script, handler or javascript: URL, in the page or any frame. */
async function injected(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
        // React 19 parks a form's action on this javascript: URL of its own until it hydrates.
        if (/^\s*javascript:/i.test(attr.value) && !attr.value.startsWith("javascript:throw new Error('React"))
          found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    for (const s of Array.from(document.scripts)) if (s.text.includes("window.__xss=1") && !s.text.includes("self.__next_f")) found.push(`SCRIPT ${s.text}`);
    for (const img of Array.from(document.images)) if (img.getAttribute("src") === "x") found.push("IMG src=x");
    return found;
  });
}

/** Opens nothing; checks the page as it is now. `texts` must be on the screen as typed. */
async function assertInert(page: Page, dialogs: string[], texts: string[], where: string) {
  await page.waitForLoadState("networkidle");
  expect({ where, xss: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss) }).toEqual({ where, xss: undefined });
  for (const frame of page.frames()) expect({ where, frame: frame.url(), found: await injected(frame) }).toEqual({ where, frame: frame.url(), found: [] });
  const shown = await page.locator("body").innerText();
  for (const t of texts) expect({ where, shown: shown.includes(t) ? t : shown }).toEqual({ where, shown: t });
  expect({ where, dialogs }).toEqual({ where, dialogs: [] });
}

async function openAs(email: string, viewport: { width: number; height: number }) {
  const page = await newPage(e2e.browser, viewport);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await login(page, email, DEMO_PASSWORD);
  return { page, dialogs };
}

/** The payloads, stored once: rows as the webhook and the seed would leave them, the rest through the app. */
async function storePayloads(): Promise<TSetup> {
  const db = e2e.database;
  const { rows: users } = await db.query(
    `INSERT INTO users (email, name, password_hash, role, updated_at)
     SELECT $1, $2, password_hash, 'admin', now() FROM users WHERE email = 'alex@pilot-crm.test' RETURNING id`,
    [REP_EMAIL, REP_NAME],
  );
  const repId: number = users[0].id;
  await db.query(
    `WITH t AS (INSERT INTO territories (name, states, updated_at) VALUES ($1, ARRAY['VT'], now()) RETURNING id)
     INSERT INTO territory_members (territory_id, user_id) SELECT t.id, $2 FROM t`,
    [TERRITORY, repId],
  );
  const { rows: companies } = await db.query(
    `INSERT INTO companies (external_id, name, email, email_norm, state, updated_at) VALUES ($1, $2, $3, $3, 'VT', now()) RETURNING id`,
    [`u_xss_${TAG}`, COMPANY, `ops_${TAG}@xss.example`],
  );
  const companyId: number = companies[0].id;
  // Its twin (same name, same state): a possible duplicate, so the duplicates pages show the name.
  const { rows: twins } = await db.query(
    `INSERT INTO companies (external_id, name, email, email_norm, state, updated_at) VALUES ($1, $2, $3, $3, 'VT', now()) RETURNING id`,
    [`u_xss_twin_${TAG}`, COMPANY, `twin_${TAG}@xss.example`],
  );
  const twinId: number = twins[0].id;
  await db.query(`INSERT INTO contacts (company_id, name, email, phone, updated_at) VALUES ($1, $2, $3, '+1 802 555 0100', now())`, [
    companyId,
    CONTACT,
    `dana_${TAG}@xss.example`,
  ]);
  const leadData = JSON.stringify({ route: { origin: { city: "Burlington", state: "VT" }, destination: { city: "Rutland", state: "VT" }, states: ["VT"], miles: 70 }, load: { description: LOAD } });
  const { rows: leads } = await db.query(
    `INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, assigned_admin_id, assigned_at, states, updated_at)
     VALUES ($1, 'load_plan', $2::jsonb, 900, 'assigned', $3, now(), ARRAY['VT'], now()),
            ($1, 'quote', $2::jsonb, 800, 'pending', NULL, NULL, ARRAY['VT'], now())
     RETURNING id, status::text`,
    [companyId, leadData, repId],
  );
  const leadId: number = leads.find((l) => l.status === "assigned").id;
  await db.query(
    `INSERT INTO text_messages (direction, to_phone, from_phone, body, status, twilio_sid, updated_at) VALUES ('inbound', '+15125550100', '+18025550199', $1, 'received', $2, now())`,
    [UNKNOWN_TEXT, `SMxss${TAG}`],
  );
  const poolLeadId: number = leads.find((l) => l.status === "pending").id;

  const { page } = await openAs(REP_EMAIL, DESKTOP);
  // Notes through the seed endpoint, as a script with the rep's session would send them.
  const meeting = await page.request.post(`/admin/crm/add-action/${leadId}`, { data: { action_type: "meeting", notes: NOTE } });
  expect(meeting.status()).toBe(200);
  const followUp = await page.request.post(`/admin/crm/add-action/${leadId}`, {
    data: { action_type: "text", notes: FOLLOW_UP_NOTE, follow_up_date: new Date(Date.now() - 3600_000).toISOString() },
  });
  expect(followUp.status()).toBe(200);

  // The template through its editor, as the rep writes it.
  await page.goto("/admin/crm/templates/new");
  await page.getByLabel("Name").fill(TEMPLATE_NAME);
  await page.getByLabel("Subject").fill(SUBJECT);
  await page.getByLabel("Body").fill(BODY);
  await page.getByRole("button", { name: "Create template" }).click();
  await page.waitForURL(/\/admin\/crm\/templates\/\d+$/);
  const templateId = Number(new URL(page.url()).pathname.split("/").pop());

  // …and sent from the lead page to the outbox.
  await page.goto(`/admin/crm/lead/${leadId}`);
  const panel = page.getByRole("region", { name: "Email" });
  await panel.getByLabel("Template").selectOption({ label: `${TEMPLATE_NAME} (personal)` });
  await panel.getByTestId("preview-subject").filter({ hasText: SENT_SUBJECT }).waitFor();
  await panel.getByRole("button", { name: "Send (to outbox)" }).click();
  await page.locator("[data-sonner-toast]", { hasText: "Kept in the outbox" }).waitFor();
  await page.close();
  return { leadId, poolLeadId, templateId, companyId, twinId };
}

beforeAll(async () => {
  setup = await storePayloads();
});

describe.each([
  ["1440 px", DESKTOP],
  ["390 px", PHONE],
] as const)("stored script-like text at %s", (size, viewport) => {
  it("is shown as text on the rep's pages: leads, lead page (timeline, email panel and preview), pool, call list, dashboard, templates, outbox", async () => {
    const { page, dialogs } = await openAs(REP_EMAIL, viewport);
    const visit = async (path: string, texts: string[]) => {
      const res = await page.goto(path);
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      await assertInert(page, dialogs, texts, `${path} at ${size}`);
    };

    await visit("/admin/crm/leads?assigned=me", [COMPANY]);
    await visit(`/admin/crm/lead/${setup.leadId}`, [COMPANY, CONTACT, LOAD, NOTE, FOLLOW_UP_NOTE, `Email: ${SENT_SUBJECT}`]);
    // The email panel: the template picked, its preview filled in for this lead.
    const panel = page.getByRole("region", { name: "Email" });
    await panel.getByLabel("Template").selectOption({ label: `${TEMPLATE_NAME} (personal)` });
    await panel.getByTestId("preview-subject").filter({ hasText: SENT_SUBJECT }).waitFor();
    await panel.locator("summary", { hasText: "Plain-text part" }).click();
    await assertInert(page, dialogs, [SENT_SUBJECT, `Hi ${CONTACT},`, `<a href="${JS_LINK}">open the quote</a>`, SCRIPT], `email panel at ${size}`);
    const html = await panel.frameLocator("iframe").locator("body").innerText();
    expect(html).toContain(`Hi ${CONTACT},`);
    expect(html).toContain(`<a href="${JS_LINK}">open the quote</a>`);
    expect(html).toContain(SCRIPT);
    await screenshot(page, `stored-xss-lead-${viewport.width}`);

    // The company page with its "possible duplicate of" (the twin, by name and state).
    await visit(`/admin/crm/company/${setup.companyId}`, [COMPANY, `#${setup.twinId} ${COMPANY}`]);
    await visit(`/admin/crm/pool?state=VT`, [COMPANY]);
    await visit("/admin/crm/calls", [COMPANY]);
    await visit("/admin/crm", [COMPANY]);
    await visit("/admin/crm/templates", [TEMPLATE_NAME]);
    await visit(`/admin/crm/templates/${setup.templateId}`, [SUBJECT.replace("{{company_name}}", "")]);
    expect(await page.getByLabel("Subject").inputValue()).toBe(SUBJECT);
    expect(await page.getByLabel("Body").inputValue()).toBe(BODY);

    await visit("/admin/crm/outbox", []);
    const item = page.getByTestId("outbox-message").filter({ hasText: SENT_SUBJECT }).first();
    await item.locator("summary").first().click();
    await assertInert(page, dialogs, [SENT_SUBJECT], `outbox message at ${size}`);
    const sent = await item.frameLocator("iframe").locator("body").innerText();
    expect(sent).toContain(`Hi ${CONTACT},`);
    expect(sent).toContain(SCRIPT);
    await page.close();
  });

  it("is shown as text on the manager's audit page, in the analytics' show-data tables and in the texts from unknown numbers", async () => {
    const { page, dialogs } = await openAs("manager@pilot-crm.test", viewport);
    await page.goto(`/admin/crm/audit?action=template.created`);
    // The entry's after-image is JSON: the subject as typed, inside a JSON string.
    await assertInert(page, dialogs, [REP_EMAIL, `"subject":"${SUBJECT}"`], `audit page at ${size}`);
    expect(await page.locator("select[name=actorId] option", { hasText: REP_NAME }).count()).toBe(1);

    await page.goto("/admin/crm/analytics");
    for (const summary of await page.locator("summary", { hasText: "Show data" }).all()) await summary.click();
    await assertInert(page, dialogs, [REP_NAME, TERRITORY], `analytics at ${size}`);

    await page.goto("/admin/crm/texts");
    await assertInert(page, dialogs, [UNKNOWN_TEXT], `texts page at ${size}`);

    // The merge screen compares the two companies field by field.
    await page.goto(`/admin/crm/duplicates/merge?a=${setup.companyId}&b=${setup.twinId}`);
    await assertInert(page, dialogs, [`#${setup.companyId} ${COMPANY}`, `#${setup.twinId} ${COMPANY}`], `merge page at ${size}`);
    await page.close();
  });
});
