// Live updates in Chromium, three browser contexts on the production server: rep A (territory TX)
// sees a webhook lead for TX appear in its pool without a reload, highlighted, and the tab title
// counts it; rep B (territory ME) is not told; when A claims it, the manager's pool drops it.
// A notice for a user is a toast; a refused stream shows the "paused … Reload" notice and clears it
// once the stream opens; My account keeps the alert choices; axe on each.
import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { BASE_URL, login, newPage, openBrowserAndDatabase, screenshot } from "./browser";
import { violations } from "./axe";
import { DESKTOP, PHONE } from "./pages";

const e2e = openBrowserAndDatabase();
const SECRET = process.env.LEAD_WEBHOOK_SECRET!;

/** A rep with the demo password in a territory of its own. */
async function makeRep(tag: string, states: string[]): Promise<{ email: string; name: string }> {
  const email = `live_${tag}@pilot-crm.test`;
  const name = `Live ${tag}`;
  await e2e.database.query(
    `WITH u AS (
       INSERT INTO users (email, name, password_hash, role, updated_at)
       SELECT $1, $2, password_hash, 'admin', now() FROM users WHERE email = 'alex@pilot-crm.test' RETURNING id
     ), t AS (
       INSERT INTO territories (name, states, updated_at) VALUES ($3, $4, now()) RETURNING id
     )
     INSERT INTO territory_members (territory_id, user_id) SELECT t.id, u.id FROM t, u`,
    [email, name, `Live territory ${tag}`, states],
  );
  return { email, name };
}

/** A load-planner event for a TX-only route, signed as the free tools sign it. */
async function sendWebhook(companyName: string): Promise<void> {
  const tag = crypto.randomBytes(4).toString("hex");
  const body = JSON.stringify({
    type: "load_plan",
    occurred_at: new Date().toISOString(),
    company: { external_id: `u_live_${tag}`, name: companyName, email: `ops_${tag}@live.example`, state: "TX" },
    data: {
      route: { origin: { city: "Austin", state: "TX" }, destination: { city: "Houston", state: "TX" }, states: ["TX"], miles: 165 },
      load: { length_ft: 90, width_ft: 12, height_ft: 14, weight_lbs: 90000, description: "Transformer" },
      road_types: ["interstate"],
    },
  });
  const id = `msg_live_${tag}`;
  const at = new Date();
  const res = await fetch(`${BASE_URL}/api/webhooks/leads`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(SECRET).sign(id, at, body),
    },
    body,
  });
  expect(res.status).toBe(202);
}

async function openLivePool(email: string, viewport: { width: number; height: number }, path = "/admin/crm/pool"): Promise<Page> {
  const page = await newPage(e2e.browser, viewport);
  await login(page, email);
  await page.goto(path);
  await page.locator("html[data-live=open]").waitFor({ state: "attached" });
  // Survives only as long as this document: proves the lead arrived without a reload.
  await page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = "same document"));
  return page;
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark);
const row = (page: Page, company: string) => page.locator("[data-lead-id]", { hasText: company });

describe.each([
  ["1440 px", DESKTOP],
  ["390 px", PHONE],
] as const)("live updates at %s", (size, viewport) => {
  it("a TX lead reaches the TX rep and the manager live, not the ME rep; A's claim leaves the manager's pool", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const repA = await makeRep(`a${tag}`, ["TX"]);
    const repB = await makeRep(`b${tag}`, ["ME"]);
    // B shows only its own territories: the notice below re-reads B's page (as every event a tab
    // hears does), and "all unassigned" would then rightly list the TX lead among the others.
    const [a, b, manager] = await Promise.all([
      openLivePool(repA.email, viewport),
      openLivePool(repB.email, viewport, "/admin/crm/pool?scope=mine"),
      openLivePool("manager@pilot-crm.test", viewport),
    ]);
    const titleBefore = await a.title();

    const company = `Live Haul ${tag}`;
    await sendWebhook(company);
    await row(a, company).getByText("New").waitFor();
    expect(await sameDocument(a)).toBe("same document");
    expect(await a.title()).toMatch(/^\(\d+\) Lead pool · Pilot CRM$/);
    expect(await a.title()).not.toBe(titleBefore);
    await row(manager, company).waitFor();
    await screenshot(a, `live-new-lead-${size.replace(" ", "")}`);
    expect(await violations(a)).toEqual([]);

    // B hears a notice published after the lead: by then the lead would have reached it too.
    await e2e.database.query(
      `SELECT publish_live_event(jsonb_build_object('kind', 'user.notice', 'userId', (SELECT id FROM users WHERE email = $1), 'leadId', NULL, 'title', $2::text, 'body', 'Check your pool'))`,
      [repB.email, `Reminder ${tag}`],
    );
    await b.getByText(`Reminder ${tag}`).waitFor();
    expect(await row(b, company).count()).toBe(0);
    expect(await b.getByText("New", { exact: true }).count()).toBe(0);
    expect(await sameDocument(b)).toBe("same document");

    await row(a, company).getByRole("button", { name: `Claim ${company}` }).click();
    await row(manager, company).waitFor({ state: "detached" });
    expect(await sameDocument(manager)).toBe("same document");
    await Promise.all([a, b, manager].map((p) => p.context().close()));
  });

  it("says when the stream cannot connect, and recovers by itself once it can", async () => {
    const page = await newPage(e2e.browser, viewport);
    await login(page, "sarah@pilot-crm.test");
    // The server refuses the stream (as during a restart): the browser's EventSource gives up.
    await page.route("**/api/events", (route) => route.fulfill({ status: 503, contentType: "application/json", body: '{"error":{"code":"UNAVAILABLE","message":"Down"}}' }));
    await page.goto("/admin/crm/pool");
    const notice = page.getByTestId("live-down");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Live updates paused");
    expect(await notice.getByRole("button", { name: "Reload" }).isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.unroute("**/api/events");
    await page.locator("html[data-live=open]").waitFor({ state: "attached", timeout: 30_000 });
    await notice.waitFor({ state: "detached" });
    await page.context().close();
  });

  it("My account keeps the live alert choices", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const rep = await makeRep(`c${tag}`, ["TX"]);
    const page = await newPage(e2e.browser, viewport);
    await login(page, rep.email);
    await page.goto("/admin/crm/account");
    const section = page.getByRole("region", { name: "Live alerts" });
    await section.getByLabel("Play a chime with them").check();
    await section.getByRole("button", { name: "Save alerts" }).click();
    await page.getByText("Saved.").first().waitFor();
    const { rows } = await e2e.database.query("SELECT live_sound, live_desktop_alerts FROM users WHERE email = $1", [rep.email]);
    expect(rows[0]).toEqual({ live_sound: true, live_desktop_alerts: false });
    await page.reload();
    expect(await page.getByRole("region", { name: "Live alerts" }).getByLabel("Play a chime with them").isChecked()).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
