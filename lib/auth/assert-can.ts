import { AppError } from "@/lib/errors";
import { can, type TAct, type TActor } from "@/lib/auth/permissions";

/**
 * Throws when the actor may not act. Manager-only areas answer 404: one may not even learn they
 * exist. (Refusals on a visible lead are lead-rules.ts's, with 403 and 409.)
 */
export function assertCan(actor: TActor, act: TAct): void {
  if (!can(actor, act)) throw new AppError("NOT_FOUND", "Not found");
}
