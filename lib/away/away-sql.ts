import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// The one definition of "away now", for the SQL that needs it: a user is away at an instant when
// one of their periods contains it, [starts_at, ends_at). Computed at read time from
// user_away_periods — nothing is written when a period starts or ends, so nothing is undone.
// `at` is a timestamptz expression (a pinned clock in tests, now() otherwise).

/** The periods of `user` (an SQL expression naming a user id) running at `at`, as a subquery. */
export function runningAwaySql(user: Prisma.Sql, at: Prisma.Sql = Prisma.sql`now()`): Prisma.Sql {
  return Prisma.sql`SELECT a.cover_user_id, a.ends_at FROM user_away_periods a
    WHERE a.user_id = ${user} AND a.ends_at > ${at} AND a.starts_at <= ${at}`;
}

/** The ids of the users covering for `holder` (an SQL expression naming a user id) at `at`. */
export function coverIdsSql(holder: Prisma.Sql, at: Prisma.Sql = Prisma.sql`now()`): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT r.cover_user_id FROM (${runningAwaySql(holder, at)}) r)`;
}

/** True when `user` (an SQL expression naming a user id) is away at `at`. */
export function awayNowSql(user: Prisma.Sql, at: Prisma.Sql = Prisma.sql`now()`): Prisma.Sql {
  return Prisma.sql`EXISTS (${runningAwaySql(user, at)})`;
}
