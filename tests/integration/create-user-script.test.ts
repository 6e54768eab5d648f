import { spawnSync } from "node:child_process";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { uid } from "../fixtures/factories";

const run = (args: string[], password: string) =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/create-user.ts", ...args], {
    env: { ...process.env, USER_PASSWORD: password },
    encoding: "utf8",
  });

describe("npm run user:create", () => {
  it("creates the first manager on a database, who can then log in", async () => {
    const email = `boss_${uid()}@test.example`;
    const r = run(["--email", email, "--name", "Pat Boss", "--role", "super_admin"], "a strong password");
    expect(r.stdout).toContain(`created super_admin ${email}`);
    expect(r.status).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("super_admin");
    expect(await verifyCredentials({ email, password: "a strong password" })).toMatchObject({ role: "super_admin" });
  });

  it("refuses a short password and writes nothing", async () => {
    const email = `short_${uid()}@test.example`;
    const r = run(["--email", email, "--name", "Short"], "short");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("password");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
