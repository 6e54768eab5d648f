import "server-only";
import { clearRateLimit, consumeRateLimit, rewardRateLimit } from "@/lib/security/rate-limits";

// Sign-in attempts are counted before the password is checked (one atomic upsert per limit, so
// parallel guesses cannot slip past the count) and forgiven when the password was right. Only the
// email and the client address are known here, never whether the account exists: unknown and
// known emails are counted, refused and answered alike.
function accountKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase().slice(0, 200)}|${ip}`;
}

/** Throws RateLimitedError (429) when this client has failed too often, for this account or any. */
export async function consumeLoginAttempt(email: string, ip: string): Promise<void> {
  await consumeRateLimit("login-ip", ip);
  await consumeRateLimit("login-account", accountKey(email, ip));
}

/** The right password: this account's failures from this client are forgotten. */
export async function forgiveLoginAttempt(email: string, ip: string): Promise<void> {
  await clearRateLimit("login-account", accountKey(email, ip));
  await rewardRateLimit("login-ip", ip);
}
