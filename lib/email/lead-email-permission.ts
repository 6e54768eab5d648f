import { assertCan } from "@/lib/auth/assert-can";
import { can, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

type TLead = { status: string; assignedAdminId: number | null };

// Emailing a lead is working it (DESIGN §4): the assigned rep or the manager, and, like logging
// any sales action, only on a held lead that is still open.
function closedReason(lead: TLead): string | null {
  if (lead.status === "pending") return "Claim or assign this lead before emailing it.";
  if (lead.status === "converted") return "This lead is already converted.";
  if (lead.status === "lost") return "This lead is lost; a manager can reopen it.";
  return null;
}

/** Why the actor may not email this lead, in the rep's words, or null when they may. */
export function leadEmailBlockedReason(actor: TActor, lead: TLead): string | null {
  if (!can(actor, "lead.work", lead))
    return lead.assignedAdminId === null ? "Claim this lead before emailing it." : "Only the rep this lead is assigned to, or the manager, can email it.";
  return closedReason(lead);
}

export function assertMayEmailLead(actor: TActor, lead: TLead): void {
  assertCan(actor, "lead.work", lead);
  const reason = closedReason(lead);
  if (reason) throw new AppError("CONFLICT", reason);
}
