import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { getActorFromRequest } from "@/lib/auth/get-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { setUserActive } from "@/lib/users/set-user-active";
import { startSession } from "@/lib/auth/start-session";
import { makeUser, TEST_PASSWORD } from "../fixtures/factories";
import { sessionCookie } from "../fixtures/route-request";

async function requestAs(user: { id: number }) {
  return new NextRequest("http://localhost/api/x", { headers: { cookie: await sessionCookie(user.id) } });
}

describe("credentials", () => {
  it("accepts the right password and refuses a wrong one or an unknown user alike", async () => {
    const { user } = await makeUser();
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ id: String(user.id), role: "admin" });
    expect(await verifyCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD })).not.toBeNull();
    expect(await verifyCredentials({ email: user.email, password: "wrong password" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@test.example", password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: TEST_PASSWORD })).toBeNull();
  });

  it("refuses a deactivated user", async () => {
    const { user } = await makeUser({ active: false });
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toBeNull();
  });
});

describe("session re-check", () => {
  it("locks a deactivated rep out on the very next request", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { user } = await makeUser();
    const req = await requestAs(user);
    expect(await getActorFromRequest(req)).toMatchObject({ id: user.id, role: "admin" });

    await setUserActive(manager, { userId: user.id, active: false });
    expect(await getActorFromRequest(await requestAs(user))).toBeNull();

    // Reactivating does not revive the old session: it was ended on the server.
    await setUserActive(manager, { userId: user.id, active: true });
    expect(await getActorFromRequest(req)).toBeNull();
    expect(await getActorFromRequest(await requestAs(user))).toMatchObject({ id: user.id });
  });

  it("ignores a token signed with another secret", async () => {
    const { user } = await makeUser();
    const sid = await startSession(user.id, { ip: "127.0.0.1" });
    const token = await encode({ token: { uid: user.id, sid }, secret: "some-other-secret-0123456789" });
    const req = new NextRequest("http://localhost/x", { headers: { cookie: `next-auth.session-token=${token}` } });
    expect(await getActorFromRequest(req)).toBeNull();
  });
});
