import "server-only";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { dbPool } from "@/lib/db";
import { RateLimitedError } from "@/lib/security/rate-limited-error";

// Every limit of the application, in one table. Counters live in PostgreSQL (`rate_limits`,
// created by a migration), so they hold across server instances and restarts.
const MINUTE = 60;
const LIMITS = {
  // Failed sign-ins for one account from one client (ASVS V6.3.1): the sixth within 15 minutes
  // is refused, and the pair stays blocked for 15 minutes.
  "login-account": { points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  // Failed sign-ins from one client across all accounts (credential stuffing: one try each).
  "login-ip": { points: 20, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  // Wrong current passwords on the password-change form, per user.
  "password-change": { points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  // Requests to the webhook endpoints from one source, signed or not (a flood is refused before
  // any signature work). Generous by default: a host application posts every free-tool use.
  "webhook-source": {
    get points() {
      return Number(process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE) || 6000;
    },
    duration: MINUTE,
    blockDuration: MINUTE,
  },
} satisfies Record<string, { points: number; duration: number; blockDuration: number }>;

export type TLimit = keyof typeof LIMITS;

const MESSAGES: Record<TLimit, string> = {
  "login-account": "Too many failed sign-ins. Wait a while and try again.",
  "login-ip": "Too many failed sign-ins. Wait a while and try again.",
  "password-change": "Too many wrong passwords. Wait a while and try again.",
  "webhook-source": "Too many requests from this source.",
};

// One limiter per limit and per pool (tests point DATABASE_URL at databases of their own).
const limiters = new WeakMap<pg.Pool, Map<TLimit, RateLimiterPostgres>>();

function limiter(limit: TLimit): RateLimiterPostgres {
  const pool = dbPool();
  let byLimit = limiters.get(pool);
  if (!byLimit) limiters.set(pool, (byLimit = new Map()));
  let l = byLimit.get(limit);
  if (!l) {
    const spec = LIMITS[limit];
    l = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: limit,
      points: spec.points,
      duration: spec.duration,
      blockDuration: spec.blockDuration,
      // Once over the limit, further hits of that key are refused from memory: a flood does not
      // turn into database writes.
      inMemoryBlockOnConsumed: spec.points + 1,
    });
    byLimit.set(limit, l);
  }
  return l;
}

/** Counts one attempt; throws RateLimitedError (429 with Retry-After) once the limit is passed. */
export async function consumeRateLimit(limit: TLimit, key: string): Promise<void> {
  try {
    await limiter(limit).consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(MESSAGES[limit], err.msBeforeNext / 1000);
    throw err;
  }
}

/** Gives back one attempt (a sign-in that succeeded should not count against its client). */
export async function rewardRateLimit(limit: TLimit, key: string): Promise<void> {
  await limiter(limit).reward(key);
}

/** Forgets a key's count (the right password ends the failures of that account and client). */
export async function clearRateLimit(limit: TLimit, key: string): Promise<void> {
  await limiter(limit).delete(key);
}
