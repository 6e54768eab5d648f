import { db } from "@/lib/db";
import AccountPage from "@/app/admin/crm/account/page";
import LeadsPage from "@/app/admin/crm/leads/page";
import { changeOwnPasswordAction } from "@/app/admin/crm/account/actions";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { makeUser, uid } from "../fixtures/factories";
import { inRequest } from "../fixtures/request-scope";
import { sessionCookie } from "../fixtures/route-request";

async function redirectOf(fn: () => Promise<unknown>): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    const digest = String((err as { digest?: string }).digest);
    if (!digest.startsWith("NEXT_REDIRECT")) throw err;
    return digest.split(";")[2];
  }
}

describe("a password the manager set must be replaced at first sign-in", () => {
  it("sends the user to My account from every other page until they choose their own", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { user } = await makeUser();
    await resetUserPassword(manager, { userId: user.id, password: "temporary pass 4821" });
    const cookie = await sessionCookie(user.id);

    expect(await redirectOf(() => inRequest("/admin/crm/leads", cookie, () => LeadsPage({ searchParams: Promise.resolve({}) } as never)))).toBe("/admin/crm/account");
    expect(await redirectOf(() => inRequest("/admin/crm/account", cookie, () => AccountPage()))).toBeNull();

    const form = new FormData();
    form.set("currentPassword", "temporary pass 4821");
    form.set("newPassword", "my own chosen passphrase");
    expect(await inRequest("/admin/crm/account", cookie, () => changeOwnPasswordAction(null, form))).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
    const fresh = await sessionCookie(user.id);
    expect(await redirectOf(() => inRequest("/admin/crm/leads", fresh, () => LeadsPage({ searchParams: Promise.resolve({}) } as never)))).toBeNull();
  });

  it("applies to users the manager creates, not to those an operator script creates", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const byManager = await createUser(manager, { email: `new_${uid()}@test.example`, name: "New", password: "temporary pass 4821" });
    const byScript = await createUser(null, { email: `op_${uid()}@test.example`, name: "Op", password: "operator chosen 4821" });
    expect((await db.user.findUniqueOrThrow({ where: { id: byManager.id } })).mustChangePassword).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: byScript.id } })).mustChangePassword).toBe(false);
  });
});
