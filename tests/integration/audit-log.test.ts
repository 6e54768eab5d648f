import { db } from "@/lib/db";
import { GET as exportLeads } from "@/app/admin/crm/leads/export/route";
import { GET as exportAudit } from "@/app/admin/crm/audit/export/route";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { recordAudit } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/users/create-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { setUserRole } from "@/lib/users/set-user-role";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { setSessionLifetimes } from "@/lib/security/set-session-lifetimes";
import { makeUser, TEST_PASSWORD, uid } from "../fixtures/factories";
import { signInAttempt, signOutWith } from "../fixtures/auth-flow";
import { routeRequest } from "../fixtures/route-request";

beforeAll(() => {
  process.env.TRUST_PROXY = "1";
});

const entries = (where: { actorId?: number; action?: string; targetId?: string }) => db.auditLog.findMany({ where, orderBy: { id: "asc" } });

describe("audit log (ASVS V16)", () => {
  it("cannot be edited or deleted, not even by the app's own connection", async () => {
    await recordAudit(db, { actor: null, action: "settings.changed", after: { probe: uid() }, ip: null });
    const [row] = await db.auditLog.findMany({ orderBy: { id: "desc" }, take: 1 });
    await expect(db.$executeRaw`UPDATE audit_log SET action = 'x' WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_log WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { id: row.id, action: "settings.changed" } })).toBe(1);
  });

  it("records sign-ins, failures, lockouts and sign-outs with the client address", async () => {
    const { user } = await makeUser();
    const ip = `192.0.2.${uid()}`;
    for (let i = 0; i < 6; i++) await signInAttempt(user.email, "wrong password 123", ip);
    const ok = await signInAttempt(user.email, TEST_PASSWORD, `198.51.100.${uid()}`);
    await signOutWith(ok.cookies);
    await signOutEverywhere({ id: user.id, role: "admin", name: user.name, email: user.email }, {});
    const actions = (await entries({ actorId: user.id })).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(5);
    expect(actions.slice(-3)).toEqual(["auth.login", "auth.logout", "auth.logout_everywhere"]);
    const locked = await db.auditLog.findMany({ where: { action: "auth.locked_out", ip } });
    expect(locked).toHaveLength(1);
    expect(locked[0].after).toEqual({ email: user.email });
    expect((await entries({ actorId: user.id }))[0].ip).toBe(ip);
  });

  it("records user and settings changes with before and after, in the same transaction", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const rep = await createUser(manager, { email: `rep_${uid()}@test.example`, name: "Audited Rep", password: "temporary pass 4821" });
    await setUserRole(manager, { userId: rep.id, role: "super_admin" });
    await resetUserPassword(manager, { userId: rep.id, password: "another temp 99381" });
    await setUserActive(manager, { userId: rep.id, active: false });
    const byManager = await entries({ actorId: manager.id, targetId: String(rep.id) });
    expect(byManager.map((e) => e.action)).toEqual(["user.created", "user.role_changed", "user.password_reset", "user.deactivated"]);
    expect(byManager[1]).toMatchObject({ before: { role: "admin" }, after: { role: "super_admin" }, targetType: "user", actorEmail: manager.email });
    // A refused change writes nothing.
    await expect(setUserRole(manager, { userId: 999_999_999, role: "admin" })).rejects.toMatchObject({ status: 404 });
    expect(await db.auditLog.count({ where: { targetId: "999999999" } })).toBe(0);

    const { actor: me } = await makeUser();
    await changeOwnPassword(me, { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" });
    expect((await entries({ actorId: me.id })).map((e) => e.action)).toContain("user.password_changed");

    await setSessionLifetimes(manager, { sessionIdleMinutes: 60, sessionAbsoluteHours: 12 });
    const [setting] = await entries({ actorId: manager.id, action: "settings.changed" });
    expect(setting.after).toEqual({ sessionIdleMinutes: 60, sessionAbsoluteHours: 12 });
  });

  it("records who exported how many leads", async () => {
    const { actor } = await makeUser();
    const res = await exportLeads(await routeRequest("/admin/crm/leads/export?status=converted&q=nothing-matches-this-" + uid(), { userId: actor.id }), { params: Promise.resolve({}) });
    const lines = (await res.text()).trim().split("\r\n");
    const [entry] = await entries({ actorId: actor.id, action: "export.leads" });
    expect(entry.after).toMatchObject({ rows: lines.length - 1 });
  });

  it("is filtered, paged and exported by the manager only", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    for (let i = 0; i < 4; i++) await setUserActive(manager, { userId: rep.id, active: i % 2 === 1 });
    const page = await listAuditLog(manager, { actorId: String(manager.id), action: "user.deactivated", from: new Date(Date.now() - 86400_000).toISOString().slice(0, 10) });
    expect(page.total).toBe(2);
    expect(page.rows.every((r) => r.action === "user.deactivated" && r.actorId === manager.id)).toBe(true);
    await expect(listAuditLog(rep, {})).rejects.toMatchObject({ status: 404 });
    await expect(listAuditLog(manager, { action: "user.nonsense" })).rejects.toMatchObject({ status: 400 });

    const csv = await (await exportAudit(await routeRequest(`/admin/crm/audit/export?actorId=${manager.id}`, { userId: manager.id }), { params: Promise.resolve({}) })).text();
    expect(csv.split("\r\n")[0]).toBe("at,actor_id,actor_email,ip,action,target_type,target_id,before,after");
    expect(csv).toContain("user.reactivated");
    expect(await db.auditLog.count({ where: { actorId: manager.id, action: "export.audit" } })).toBe(1);
    const refused = await exportAudit(await routeRequest("/admin/crm/audit/export", { userId: rep.id }), { params: Promise.resolve({}) });
    expect(refused.status).toBe(404);
  });
});
