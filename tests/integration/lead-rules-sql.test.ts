// The lead rules' order_convert step has a SQL twin: ingest_lead_events() converts a company's
// open lead inside its one statement when an order or registration arrives. This test runs the
// SQL on a lead in every status and demands the answer the rules table gives
// (lib/leads/lead-rules.ts), so a change to one fails until the other follows.
import { db } from "@/lib/db";
import { SYSTEM_ACTOR, systemStepTarget } from "@/lib/leads/lead-rules";
import { LEAD_STATUSES } from "@/lib/leads/lead-vocabulary";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";
import { leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

describe("order_convert: ingest_lead_events() ≡ LEAD_STEP_RULES", () => {
  it.each(LEAD_STATUSES.map((status) => ({ status })))(
    "an order for a company whose only lead is $status",
    async ({ status }) => {
      const { user: rep } = await makeUser();
      const company = await makeCompany();
      const held = status !== "pending";
      const lead = await makeLead({ companyId: company.id, status, assignedAdminId: held ? rep.id : null });
      const event = leadEvent("order_placed", {
        company: { external_id: company.externalId, name: company.name },
        data: { order_id: `PO-${uid()}`, total: 900 },
      });
      const res = await POST(signedRequest(event, { secret: SECRET }).request);
      expect(res.status).toBe(202);
      const answer = (await res.json()) as { lead_id: number; status: string };

      const ruled = systemStepTarget("order_convert", {
        status,
        assignedAdminId: held ? rep.id : null,
      });
      const after = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id }, select: { status: true } });
      if (ruled) {
        // The rules let the system convert it: the SQL converted this very lead.
        expect(answer).toMatchObject({ lead_id: lead.id, status: ruled });
        expect(after.status).toBe(ruled);
      } else {
        // The rules refuse: the SQL left the lead alone (the order became a lead of its own).
        expect(after.status).toBe(status);
        expect(answer.lead_id).not.toBe(lead.id);
      }
    },
  );

  it("is a step only the system takes", () => {
    expect(SYSTEM_ACTOR.role).toBe("system");
    expect(systemStepTarget("order_convert", { status: "converted", assignedAdminId: null })).toBeNull();
  });
});
