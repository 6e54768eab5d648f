import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { makeUser, uid } from "../fixtures/factories";

describe("createUser", () => {
  it("lets the manager add a rep with a bcrypt-hashed password", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const email = `new_${uid()}@test.example`;
    const user = await createUser(manager, { email, name: "New Rep", password: "a long password" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$1[0-9]\$/);
    expect(row.passwordHash).not.toContain("a long password");
  });

  it("refuses reps (404) and bad input (400 naming the field) and writes nothing", async () => {
    const { actor: rep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const email = `x_${uid()}@test.example`;
    await expect(createUser(rep, { email, name: "X", password: "a long password" })).rejects.toMatchObject({ status: 404 });
    await expect(createUser(manager, { email, name: "X", password: "short" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "password" })],
    });
    await expect(createUser(manager, { email, name: "X", password: "x".repeat(73) })).rejects.toMatchObject({ status: 400 });
    await expect(createUser(manager, { email: "nope", name: "X", password: "a long password" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "email" })],
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a duplicate email with 409", async () => {
    const { actor: manager, user } = await makeUser({ role: "super_admin" });
    await expect(createUser(manager, { email: user.email, name: "Dup", password: "a long password" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("setUserActive", () => {
  it("is the manager's alone and never deactivates oneself", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    await expect(setUserActive(rep, { userId: manager.id, active: false })).rejects.toMatchObject({ status: 404 });
    await expect(setUserActive(manager, { userId: manager.id, active: false })).rejects.toMatchObject({ status: 409 });
    await expect(setUserActive(manager, { userId: 999_999_999, active: false })).rejects.toMatchObject({ status: 404 });
  });
});
