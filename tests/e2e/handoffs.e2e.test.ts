// Issue #21 in Chromium on the production server, at 1440 px and 390 px with axe: Alex proposes a
// handoff of his lead to Sarah from the lead page; Sarah's Requests page shows it coming, live;
// the manager sees the Requests badge and approves it from the approval queue; Sarah then finds
// the lead on her call list and its history (Alex's call, the proposal, the approval, the handoff)
// on the lead page. Then the gaps closed later: Alex releases a lead whose handoff still waits, and
// the request closes by itself (Sarah's Requests page drops it live; the history and the card say
// why); and Mike, covering for an away David, logs a call from David's lead page, marked in the
// history as covering for him.
import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { violations } from "./axe";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();

/** A lead the rep has worked (one call, a follow-up overdue since yesterday, so it tops a call list). */
async function alexsLead(company: string, email = "alex@pilot-crm.test"): Promise<number> {
  const { rows } = await e2e.database.query<{ id: number }>(
    `WITH c AS (
       INSERT INTO companies (name, state, updated_at) VALUES ($1, 'TX', now()) RETURNING id
     ), l AS (
       INSERT INTO sales_leads (company_id, lead_source, status, assigned_admin_id, assigned_at, states, estimated_value,
                                next_follow_up_at, last_contact_at, last_call_outcome, updated_at)
       SELECT c.id, 'quote', 'in_progress', u.id, now() - interval '3 days', '{TX,OK}', 1800,
              now() - interval '1 day', now() - interval '2 days', 'callback', now()
       FROM c, users u WHERE u.email = $3 RETURNING id, assigned_admin_id
     ), a AS (
       INSERT INTO sales_actions (lead_id, admin_id, action_type, outcome, notes, created_at)
       SELECT l.id, l.assigned_admin_id, 'call', 'callback', $2, now() - interval '2 days' FROM l
     )
     SELECT id FROM l`,
    [company, `Alex's first call about ${company}`, email],
  );
  return rows[0].id;
}

async function clean(page: Page, label: string) {
  await page.waitForLoadState("networkidle");
  expect({ label, violations: await violations(page) }).toEqual({ label, violations: [] });
}

describe.each([
  ["1440 px", DESKTOP],
  ["390 px", PHONE],
] as const)("handoff at %s", (size, viewport) => {
  it("Alex proposes, the manager approves from the queue, Sarah gets the lead with its history", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const company = `Handoff Haulers ${tag}`;
    const leadId = await alexsLead(company);
    const [alex, manager, sarah] = await Promise.all([newPage(e2e.browser, viewport), newPage(e2e.browser, viewport), newPage(e2e.browser, viewport)]);
    await login(alex, "alex@pilot-crm.test");
    await login(manager, "manager@pilot-crm.test");
    await login(sarah, "sarah@pilot-crm.test");
    await sarah.goto("/admin/crm/requests");
    await sarah.locator("html[data-live=open]").waitFor({ state: "attached" });

    // Alex, on the lead page: Hand off… → Sarah, with a reason.
    await alex.goto(`/admin/crm/lead/${leadId}`);
    const card = alex.getByTestId("lead-requests");
    await card.getByRole("button", { name: "Hand off…" }).click();
    const dialog = alex.getByRole("dialog", { name: "Hand this lead off" });
    await dialog.getByLabel("To").selectOption({ label: "Sarah Chen" });
    await dialog.getByLabel("Reason (required)").fill(`Sarah covers Oklahoma ${tag}`);
    await clean(alex, "propose dialog");
    await dialog.getByRole("button", { name: "Propose handoff" }).click();
    await card.getByText("Waiting for a manager").waitFor();
    await screenshot(alex, `handoff-proposed-${size.replace(" ", "")}`);

    // Sarah sees it coming without reloading.
    await sarah.getByTestId("request-row").filter({ hasText: company }).waitFor();
    await clean(sarah, "Sarah's requests");

    // The manager: the nav badge counts it; the queue approves it with a note.
    await manager.goto("/admin/crm/requests");
    if (viewport === PHONE) await manager.getByRole("button", { name: "Menu" }).click();
    expect(Number((await manager.getByTestId("requests-badge").textContent())?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(1);
    const row = manager.getByTestId("request-row").filter({ hasText: company });
    await row.getByRole("checkbox").check();
    await manager.getByLabel("Note to the requesters (optional)").fill("Approved, thanks");
    await clean(manager, "approval queue");
    await manager.getByRole("button", { name: /Approve selected \(1\)/ }).click();
    await row.waitFor({ state: "detached" });
    await screenshot(manager, `handoff-approved-${size.replace(" ", "")}`);

    // Sarah: on her call list now, and the lead's history came with it.
    await sarah.goto("/admin/crm/calls");
    await sarah.locator(`[data-lead-id="${leadId}"]`).first().waitFor();
    await clean(sarah, "Sarah's call list");
    await sarah.goto(`/admin/crm/lead/${leadId}`);
    await sarah.getByText("yours").first().waitFor();
    const history = sarah.getByRole("region", { name: "History" });
    for (const text of [`Alex's first call about ${company}`, "Handoff proposed", "Request approved", "Handed off", `Reason: Sarah covers Oklahoma ${tag}`, "Note: Approved, thanks"])
      await history.getByText(text).first().waitFor();
    await clean(sarah, "Sarah's lead page");
    await screenshot(sarah, `handoff-received-${size.replace(" ", "")}`);
    await Promise.all([alex, manager, sarah].map((p) => p.context().close()));
  });

  it("a waiting handoff closes by itself when Alex releases the lead; Sarah's Requests page drops it live", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const company = `Released Rigging ${tag}`;
    const leadId = await alexsLead(company);
    await e2e.database.query(
      `INSERT INTO lead_requests (lead_id, kind, state, requester_id, receiver_id, reason, payload, updated_at)
       SELECT $1, 'handoff', 'awaiting_approval', a.id, s.id, $2, jsonb_build_object('from_admin_id', a.id), now()
       FROM users a, users s WHERE a.email = 'alex@pilot-crm.test' AND s.email = 'sarah@pilot-crm.test'`,
      [leadId, `Hers if she wants it ${tag}`],
    );
    const [alex, sarah] = await Promise.all([newPage(e2e.browser, viewport), newPage(e2e.browser, viewport)]);
    await login(alex, "alex@pilot-crm.test");
    await login(sarah, "sarah@pilot-crm.test");
    await sarah.goto("/admin/crm/requests");
    await sarah.locator("html[data-live=open]").waitFor({ state: "attached" });
    const coming = sarah.getByTestId("request-row").filter({ hasText: company });
    await coming.waitFor();

    await alex.goto(`/admin/crm/lead/${leadId}`);
    await alex.getByTestId("lead-requests").getByText("Waiting for a manager").waitFor();
    await alex.getByRole("button", { name: "Release to pool" }).click();
    await alex.getByRole("dialog", { name: "Release this lead?" }).getByRole("button", { name: "Release to pool" }).click();
    await alex.locator("[data-sonner-toast]", { hasText: "Released back to the pending pool." }).waitFor();

    // Sarah was told: her page re-reads and the row is gone, without a reload.
    await coming.waitFor({ state: "detached" });
    await clean(sarah, "Sarah's requests after the close");

    await alex.reload();
    const history = alex.getByRole("region", { name: "History" });
    await history.getByText("Request closed").first().waitFor();
    await history.getByText("Closed by itself: the lead was released to the pool.").first().waitFor();
    const card = alex.getByTestId("lead-requests");
    await card.getByText("Earlier requests (1)").click();
    await card.getByText(/Closed: the lead was released to the pool/).waitFor();
    await clean(alex, "lead page with the closed request");
    await screenshot(alex, `handoff-closed-by-release-${size.replace(" ", "")}`);
    await Promise.all([alex, sarah].map((p) => p.context().close()));
  });

  it("Mike covers for an away David: he logs a call from David's lead page, marked as covering in the history", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const company = `Covered Cranes ${tag}`;
    const leadId = await alexsLead(company, "david@pilot-crm.test");
    const { rows } = await e2e.database.query<{ id: number }>(
      `INSERT INTO user_away_periods (user_id, cover_user_id, starts_at, ends_at, note, created_by_id)
       SELECT d.id, m.id, now() - interval '1 hour', now() + interval '1 day', 'e2e', d.id
       FROM users d, users m WHERE d.email = 'david@pilot-crm.test' AND m.email = 'mike@pilot-crm.test' RETURNING id`,
    );
    const mike = await newPage(e2e.browser, viewport);
    try {
      await login(mike, "mike@pilot-crm.test");
      await mike.goto(`/admin/crm/lead/${leadId}`);
      await mike.getByTestId("covering-badge").filter({ hasText: "Covering for David Kim" }).waitFor();
      await mike.getByTestId("covering-note").waitFor();
      const form = mike.getByRole("form", { name: "Log a sales action" });
      await form.getByLabel(/^Outcome/).selectOption("answered");
      await form.getByLabel("Notes").fill(`Spoke for David ${tag}`);
      await clean(mike, "covering lead page");
      await form.getByRole("button", { name: "Log call" }).click();
      await mike.locator("[data-sonner-toast]", { hasText: "Logged." }).waitFor();
      const history = mike.getByRole("region", { name: "History" });
      await history.getByText(`Spoke for David ${tag}`).waitFor();
      await history.getByText("Logged covering for David Kim").first().waitFor();
      // Still David's lead: Mike may not release or convert it.
      expect(await mike.getByRole("button", { name: "Release to pool" }).count()).toBe(0);
      await clean(mike, "covering lead page after the call");
      await screenshot(mike, `cover-logged-${size.replace(" ", "")}`);
    } finally {
      // Nobody else's list may see David away after this test.
      await e2e.database.query("DELETE FROM user_away_periods WHERE id = $1", [rows[0].id]);
      await mike.context().close();
    }
  });
});
