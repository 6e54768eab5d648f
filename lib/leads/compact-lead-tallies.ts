import "server-only";
import { db } from "@/lib/db";

/**
 * The lead-tallies-compact job: folds lead_tallies into one row per (admin, status), so the
 * dashboard's sums stay a few hundred rows however many leads changed since. Idempotent and safe
 * beside writers and a second run (lead_tallies_compact(), migration `lead_tallies`). Returns how
 * many rows it folded.
 */
export async function compactLeadTallies(): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: number }[]>`SELECT lead_tallies_compact() AS folded`;
  return row.folded;
}
