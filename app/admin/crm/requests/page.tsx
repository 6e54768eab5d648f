import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isManager } from "@/lib/auth/permissions";
import { listLeadRequests } from "@/lib/requests/list-lead-requests";
import { RequestsInbox } from "@/components/requests/requests-inbox";
import { decideLeadRequestsAction } from "./actions";

export const metadata: Metadata = { title: "Requests" };

// Issue #21: the manager's one approval queue, a rep's inbox of handoffs offered to them.
export default async function RequestsPage() {
  const actor = await requirePageActor();
  const inbox = await listLeadRequests(actor);
  const manager = isManager(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Requests</h1>
      <RequestsInbox inbox={inbox} manager={manager} decideAll={decideLeadRequestsAction} />
    </div>
  );
}
