import "server-only";
import { db } from "@/lib/db";

/** True when the database answers a trivial query within the pool's connect timeout. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
