import type { Browser } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, launchBrowser, login, newPage, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The credentials flow exactly as a script would use it (DESIGN §6): csrf token, then callback.
async function tryLogin(email: string, password: string) {
  const csrfRes = await fetch(`${BASE_URL}/api/auth/csrf`);
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const setCookies = res.headers.getSetCookie();
  return {
    session: setCookies.some((c) => c.startsWith("next-auth.session-token=")),
    location: res.headers.get("location") ?? (await res.json().catch(() => ({}))).url ?? "",
  };
}

describe("login", () => {
  it("signs a rep in to the dashboard with real numbers, and out again", async () => {
    const page = await newPage(browser);
    await login(page, "alex@pilot-crm.test");
    await page.getByRole("heading", { name: /Welcome, Alex/ }).waitFor();
    const total = Number(await page.getByTestId("count-total").textContent());
    expect(total).toBeGreaterThanOrEqual(600);
    await screenshot(page, "login-dashboard-rep");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login**");
    await page.goto("/admin/crm");
    await page.waitForURL("**/login**");
    await page.close();
  });

  it("shows one message for a wrong password and for an unknown user", async () => {
    const page = await newPage(browser);
    for (const [email, password] of [
      ["alex@pilot-crm.test", "wrong-password"],
      ["nobody@pilot-crm.test", DEMO_PASSWORD],
    ]) {
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.locator("form [role=alert]");
      await alert.waitFor();
      expect(await alert.textContent()).toBe("Email or password is incorrect.");
      expect(page.url()).toContain("/login");
    }
    await screenshot(page, "login-refused");
    await page.close();
  });

  it("gives no session cookie for a wrong password or an unknown user", async () => {
    expect((await tryLogin("alex@pilot-crm.test", DEMO_PASSWORD)).session).toBe(true);
    const wrong = await tryLogin("alex@pilot-crm.test", "wrong-password");
    const unknown = await tryLogin("nobody@pilot-crm.test", DEMO_PASSWORD);
    expect(wrong.session).toBe(false);
    expect(unknown.session).toBe(false);
    expect(wrong.location).toBe(unknown.location);
  });

  it("redirects anonymous visitors of /admin to the login page", async () => {
    const res = await fetch(`${BASE_URL}/admin/crm/leads`, { redirect: "manual" });
    expect([302, 307]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("answers 404 to a rep on a manager-only page, and shows it to the manager", async () => {
    const page = await newPage(browser);
    await login(page, "sarah@pilot-crm.test");
    const res = await page.goto("/admin/crm/team");
    expect(res?.status()).toBe(404);
    await page.close();
    const manager = await newPage(browser);
    await login(manager, "manager@pilot-crm.test");
    const ok = await manager.goto("/admin/crm/team");
    expect(ok?.status()).toBe(200);
    await manager.getByRole("cell", { name: "sarah@pilot-crm.test" }).waitFor();
    await screenshot(manager, "team-manager");
    await manager.close();
  });
});
