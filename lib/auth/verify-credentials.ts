import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { forgiveLoginAttempt } from "@/lib/auth/login-throttle";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().max(200) });

export type TSessionUser = { id: string; name: string; email: string; role: "admin" | "super_admin"; tokenVersion: number };

/**
 * Null for a wrong password, an unknown or a deactivated user alike: the caller shows one message.
 * An unknown email still costs one bcrypt comparison (verifyPassword's dummy hash), so the answer
 * takes as long as for a known one. The attempt was counted by the sign-in route before this.
 */
export async function verifyCredentials(input: unknown, context: { ip: string } = { ip: "unknown" }): Promise<TSessionUser | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!ok || !user || !user.active) return null;
  await forgiveLoginAttempt(parsed.data.email, context.ip);
  return { id: String(user.id), name: user.name, email: user.email, role: user.role, tokenVersion: user.tokenVersion };
}
