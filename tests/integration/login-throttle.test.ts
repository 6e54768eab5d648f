import { db } from "@/lib/db";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { makeUser, TEST_PASSWORD, uid } from "../fixtures/factories";
import { signInAttempt } from "../fixtures/auth-flow";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${uid()}`;

beforeAll(() => {
  process.env.TRUST_PROXY = "1";
});

describe("sign-in throttle (ASVS V6.3.1)", () => {
  it("refuses the sixth failure in a row with 429 and Retry-After, then even the right password from that client", async () => {
    const { user } = await makeUser();
    const from = ip();
    const attempts = [];
    for (let i = 0; i < 20; i++) attempts.push(await signInAttempt(user.email, "wrong password 123", from));
    expect(attempts.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts.slice(5).every((a) => a.status === 429)).toBe(true);
    for (const a of attempts.slice(5)) {
      expect(Number(a.retryAfter)).toBeGreaterThan(800);
      expect(Number(a.retryAfter)).toBeLessThanOrEqual(900);
      // signIn() on the login page reads this url's `error` and shows the lockout message.
      expect(new URL(String(a.body.url)).searchParams.get("error")).toBe("RateLimited");
    }
    expect((await signInAttempt(user.email, TEST_PASSWORD, from)).status).toBe(429);

    // The lock is for this account from this client: the owner elsewhere still gets in.
    const elsewhere = await signInAttempt(user.email, TEST_PASSWORD, ip());
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.setCookies.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);

    // Held in PostgreSQL, so every instance and a restarted one see the same count.
    const rows = await db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`login-account:${user.email}|${from}`}`;
    expect(rows[0].points).toBeGreaterThanOrEqual(6);
  });

  it("forgets an account's failures after the right password", async () => {
    const { user } = await makeUser();
    const from = ip();
    for (let i = 0; i < 4; i++) expect((await signInAttempt(user.email, "wrong password 123", from)).status).toBe(401);
    expect((await signInAttempt(user.email, TEST_PASSWORD, from)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signInAttempt(user.email, "wrong password 123", from)).status).toBe(401);
  });

  it("throttles credential stuffing: one try each for many emails from one client", async () => {
    const from = ip();
    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await signInAttempt(`victim_${uid()}@test.example`, "Summer2026!!", from)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("answers an unknown email exactly as a wrong password", async () => {
    const { user } = await makeUser();
    const known = await signInAttempt(user.email, "wrong password 123", ip());
    const unknown = await signInAttempt(`nobody_${uid()}@test.example`, "wrong password 123", ip());
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
  });

  it("limits wrong current passwords on the password-change form", async () => {
    const { actor } = await makeUser();
    for (let i = 0; i < 5; i++)
      await expect(changeOwnPassword(actor, { currentPassword: `nope ${i} nope nope`, newPassword: "a fresh long passphrase" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "a fresh long passphrase" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });
});
