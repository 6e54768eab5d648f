import { AppError } from "@/lib/errors";
import { can, type TAct, type TActor } from "@/lib/auth/permissions";

/**
 * Throws when the actor may not act. Manager-only areas answer 404 (one may not even learn
 * they exist); a visible lead that is someone else's answers 403.
 */
export function assertCan(actor: TActor, act: TAct, lead?: { assignedAdminId: number | null }): void {
  if (can(actor, act, lead)) return;
  if (lead === undefined) throw new AppError("NOT_FOUND", "Not found");
  throw new AppError("FORBIDDEN", "This lead is assigned to someone else.");
}
