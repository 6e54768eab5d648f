import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { leadEndpoint } from "@/lib/leads/lead-endpoint";

// The seed's "assign lead": without admin_id (or a rep naming themselves) it is a claim;
// with another admin_id it is the manager's assignment, which refuses reps with 403.
export const POST = leadEndpoint({
  fromRequest(actor, input) {
    const adminId = input.admin_id;
    const forSelf =
      adminId === undefined ||
      adminId === null ||
      adminId === "" ||
      (actor.role === "admin" && String(adminId) === String(actor.id));
    return (forSelf ? claimLead : assignLead).fromRequest(actor, input);
  },
});
