import { db } from "@/lib/db";
import { startSession } from "@/lib/auth/start-session";
import { getActorFromRequest } from "@/lib/auth/get-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserRole } from "@/lib/users/set-user-role";
import { updateOwnProfile } from "@/lib/users/update-own-profile";
import { makeUser, TEST_PASSWORD } from "../fixtures/factories";
import { routeRequest } from "../fixtures/route-request";

describe("team management", () => {
  it("lets the manager change a role, effective on the next request; never their own; reps get 404", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep, user } = await makeUser();
    const req = await routeRequest("/x", { userId: user.id });
    await expect(setUserRole(rep, { userId: rep.id, role: "super_admin" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(setUserRole(manager, { userId: manager.id, role: "admin" })).rejects.toMatchObject({
      status: 409,
    });
    await expect(setUserRole(manager, { userId: rep.id, role: "boss" as never })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "role" })],
    });
    await setUserRole(manager, { userId: rep.id, role: "super_admin" });
    expect(await getActorFromRequest(req)).toMatchObject({ id: rep.id, role: "super_admin" });
  });

  it("resets a password: the old one stops working and the user's sessions end", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { user } = await makeUser();
    const req = await routeRequest("/x", { userId: user.id });
    await expect(resetUserPassword(manager, { userId: user.id, password: "short" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "password" })],
    });
    await resetUserPassword(manager, { userId: user.id, password: "a new temporary one" });
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: "a new temporary one" })).not.toBeNull();
    expect(await getActorFromRequest(req)).toBeNull();
    await expect(
      resetUserPassword(manager, { userId: 999_999_999, password: "a new temporary one" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("own account", () => {
  it("changes one's own password only with the current one", async () => {
    const { actor, user } = await makeUser();
    await expect(
      changeOwnPassword(actor, { currentPassword: "wrong", newPassword: "another long one" }),
    ).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "currentPassword" })],
    });
    await expect(
      changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "tiny" }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "newPassword" })] });
    const earlier = await startSession(user.id, { ip: "127.0.0.1" });
    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "another long one" });
    // Every session of the user ended with the change.
    expect((await db.userSession.findUniqueOrThrow({ where: { id: earlier } })).revokedAt).not.toBeNull();
    expect(await verifyCredentials({ email: user.email, password: "another long one" })).not.toBeNull();
  });

  it("sets and clears one's own phone, refusing junk", async () => {
    const { actor } = await makeUser();
    expect(await updateOwnProfile(actor, { phone: "+1 (512) 555-0123" })).toMatchObject({
      phone: "+1 (512) 555-0123",
    });
    await expect(updateOwnProfile(actor, { phone: "call me maybe" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "phone" })],
    });
    expect(await updateOwnProfile(actor, { phone: "" })).toMatchObject({ phone: null });
  });
});
