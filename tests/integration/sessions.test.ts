import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { POST as assignLeadRoute } from "@/app/admin/crm/assign-lead/[id]/route";
import AccountPage from "@/app/admin/crm/account/page";
import { changeOwnPasswordAction, signOutEverywhereAction, updateOwnProfileAction } from "@/app/admin/crm/account/actions";
import { secureCookiesFor } from "@/lib/auth/options";
import { setSessionLifetimes } from "@/lib/security/set-session-lifetimes";
import { setUserActive } from "@/lib/users/set-user-active";
import { makeUser, TEST_PASSWORD, uid } from "../fixtures/factories";
import { sessionCookieOf, signInAttempt, signOutWith } from "../fixtures/auth-flow";
import { inRequest } from "../fixtures/request-scope";
import { params } from "../fixtures/route-request";

beforeAll(() => {
  process.env.TRUST_PROXY = "1";
});

const ip = () => `203.0.113.${uid()}`;

async function signIn(email: string) {
  const attempt = await signInAttempt(email, TEST_PASSWORD, ip(), "Mozilla/5.0 (test)");
  expect(attempt.status).toBe(200);
  return attempt;
}

// The same session on the three kinds of entry point. A missing lead answers 404 to a signed-in
// user and 401 to anyone else, so the route proves the cookie's fate without touching data.
async function onRoute(cookie: string) {
  const req = new NextRequest("http://localhost:3000/admin/crm/assign-lead/999999999", {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000", host: "localhost:3000" },
    body: "{}",
  });
  return (await assignLeadRoute(req, params({ id: "999999999" }))).status;
}
async function onPage(cookie: string): Promise<"rendered" | "redirected"> {
  try {
    await inRequest("/admin/crm/account", cookie, () => AccountPage());
    return "rendered";
  } catch (err) {
    if (String((err as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return "redirected";
    throw err;
  }
}
async function onAction(cookie: string) {
  const form = new FormData();
  form.set("phone", "+1 512 555 0142");
  return inRequest("/admin/crm/account", cookie, () => updateOwnProfileAction(null, form));
}

describe("server-side sessions (ASVS V7.4)", () => {
  it("refuses a signed-out cookie on a page, a server action and a route handler", async () => {
    const { user } = await makeUser();
    const { cookies } = await signIn(user.email);
    const cookie = sessionCookieOf(cookies);
    expect(await onRoute(cookie)).toBe(404);
    expect(await onPage(cookie)).toBe("rendered");
    expect(await onAction(cookie)).toMatchObject({ ok: true });

    const out = await signOutWith(cookies);
    expect(out.status).toBe(200);
    const row = await db.userSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.userAgent).toBe("Mozilla/5.0 (test)");

    expect(await onRoute(cookie)).toBe(401);
    expect(await onPage(cookie)).toBe("redirected");
    expect(await onAction(cookie)).toMatchObject({ ok: false, message: "Please sign in again." });
  });

  it("refuses a deactivated rep's cookie on the next request", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { user } = await makeUser();
    const cookie = sessionCookieOf((await signIn(user.email)).cookies);
    expect(await onRoute(cookie)).toBe(404);
    await setUserActive(manager, { userId: user.id, active: false });
    expect(await onRoute(cookie)).toBe(401);
    expect(await onPage(cookie)).toBe("redirected");
  });

  it("signs out everywhere from the account page", async () => {
    const { user } = await makeUser();
    const laptop = sessionCookieOf((await signIn(user.email)).cookies);
    const phone = sessionCookieOf((await signIn(user.email)).cookies);
    expect(await inRequest("/admin/crm/account", laptop, () => signOutEverywhereAction(null, new FormData()))).toMatchObject({ ok: true });
    expect(await onRoute(laptop)).toBe(401);
    expect(await onRoute(phone)).toBe(401);
  });

  it("ends every other session when the password changes", async () => {
    const { user } = await makeUser();
    const laptop = sessionCookieOf((await signIn(user.email)).cookies);
    const stolen = sessionCookieOf((await signIn(user.email)).cookies);
    const form = new FormData();
    form.set("currentPassword", TEST_PASSWORD);
    form.set("newPassword", "a brand new passphrase");
    expect(await inRequest("/admin/crm/account", laptop, () => changeOwnPasswordAction(null, form))).toMatchObject({ ok: true });
    expect(await onRoute(stolen)).toBe(401);
  });

  it("ends idle sessions and sessions past their absolute lifetime, as the settings say", async () => {
    const { user } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const idle = sessionCookieOf((await signIn(user.email)).cookies);
    const old = sessionCookieOf((await signIn(user.email)).cookies);
    const [idleRow, oldRow] = await db.userSession.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    await db.userSession.update({ where: { id: idleRow.id }, data: { lastSeenAt: new Date(Date.now() - 45 * 60_000) } });
    await db.userSession.update({ where: { id: oldRow.id }, data: { createdAt: new Date(Date.now() - 11 * 3600_000) } });
    // The defaults (60 minutes idle, 12 hours in all) keep both.
    expect(await onRoute(idle)).toBe(404);
    await db.userSession.update({ where: { id: idleRow.id }, data: { lastSeenAt: new Date(Date.now() - 45 * 60_000) } });
    expect(await onRoute(old)).toBe(404);

    try {
      await setSessionLifetimes(manager, { sessionIdleMinutes: 30, sessionAbsoluteHours: 10 });
      expect(await onRoute(idle)).toBe(401);
      expect(await onRoute(old)).toBe(401);
    } finally {
      await setSessionLifetimes(manager, { sessionIdleMinutes: 60, sessionAbsoluteHours: 12 });
    }
    await expect(setSessionLifetimes(manager, { sessionIdleMinutes: 1, sessionAbsoluteHours: 12 })).rejects.toMatchObject({ status: 400 });
    await expect(setSessionLifetimes(user as never, { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 })).rejects.toMatchObject({ status: 404 });
  });

  it("marks a session seen at most once a minute, and the idle timeout still ends it", async () => {
    const { user } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const cookie = sessionCookieOf((await signIn(user.email)).cookies);
    const row = await db.userSession.findFirstOrThrow({ where: { userId: user.id } });
    const seenAt = async () => (await db.userSession.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt.getTime();

    // Seen 20 seconds ago: the request is served and the row is not written again.
    const recent = new Date(Date.now() - 20_000);
    await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: recent } });
    expect(await onRoute(cookie)).toBe(404);
    expect(await seenAt()).toBe(recent.getTime());

    // Seen 5 minutes ago: the request moves the mark to now.
    await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    const before = Date.now();
    expect(await onRoute(cookie)).toBe(404);
    expect(await seenAt()).toBeGreaterThanOrEqual(before - 1000);

    try {
      await setSessionLifetimes(manager, { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
      // 29 minutes idle: still alive, and the request refreshes the mark, so it stays alive.
      await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });
      expect(await onRoute(cookie)).toBe(404);
      expect(await onRoute(cookie)).toBe(404);
      // 31 minutes idle: refused, and the refusal does not revive it.
      await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
      expect(await onRoute(cookie)).toBe(401);
      expect(await seenAt()).toBeLessThan(Date.now() - 30 * 60_000);
      expect(await onRoute(cookie)).toBe(401);
    } finally {
      await setSessionLifetimes(manager, { sessionIdleMinutes: 60, sessionAbsoluteHours: 12 });
    }
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, and Secure behind https", async () => {
    const { user } = await makeUser();
    const { setCookies } = await signIn(user.email);
    const session = setCookies.find((c) => c.startsWith("next-auth.session-token="))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/; Secure/i);
    expect(secureCookiesFor("https://crm.example.com")).toBe(true);
    expect(secureCookiesFor("http://localhost:3000")).toBe(false);
  });
});
