import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { forgiveLoginAttempt } from "@/lib/auth/login-throttle";
import { startSession } from "@/lib/auth/start-session";
import { recordAudit } from "@/lib/audit/record-audit";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().max(200) });

export type TSessionUser = { id: string; name: string; email: string; role: "admin" | "super_admin"; sessionId: string };
type TClient = { ip: string; userAgent?: string | null };

/**
 * Null for a wrong password, an unknown or a deactivated user alike: the caller shows one message.
 * An unknown email still costs one bcrypt comparison (verifyPassword's dummy hash), so the answer
 * takes as long as for a known one. The attempt was counted by the sign-in route before this; the
 * right password forgives it and starts a server-side session.
 */
export async function verifyCredentials(input: unknown, client: TClient = { ip: "unknown" }): Promise<TSessionUser | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!ok || !user || !user.active) {
    await recordAudit(db, {
      actor: user ? { id: user.id, email: user.email } : null,
      action: "auth.login_failed",
      after: { email: parsed.data.email, reason: !user ? "unknown email" : !ok ? "wrong password" : "deactivated" },
      ip: client.ip,
    });
    return null;
  }
  await forgiveLoginAttempt(parsed.data.email, client.ip);
  const sessionId = await startSession(user.id, client);
  await recordAudit(db, { actor: user, action: "auth.login", target: { type: "session", id: sessionId }, ip: client.ip });
  return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionId };
}
