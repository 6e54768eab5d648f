import { db } from "@/lib/db";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { serviceRows } from "@/components/leads/service-details";
import { leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { makeUser } from "../fixtures/factories";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

async function leadFromWebhook(type: string) {
  const res = await POST(signedRequest(leadEvent(type), { secret: SECRET }).request);
  expect(res.status).toBe(202);
  return ((await res.json()) as { lead_id: number }).lead_id;
}

const text = (rows: [string, unknown][]) => rows.map(([l, v]) => `${l}: ${String(v)}`);

describe("a lead born from a free-tool webhook, in words", () => {
  it("shows a load plan's route and load on the timeline, never [object Object]", async () => {
    const { actor } = await makeUser();
    const leadId = await leadFromWebhook("load_plan");
    const activity = (await getLeadTimeline(actor, { lead_id: leadId })).items.find((t) => t.kind === "activity")!;
    expect(activity.data).toMatchObject({ source: "load_plan", payload: { route: { miles: 450 } } });

    const lines = text(serviceRows("load_plan", activity.data.payload as Record<string, unknown>, true));
    expect(lines).toEqual(
      expect.arrayContaining([
        "Route: Austin, TX → Tulsa, OK · 450 mi",
        "States on the route: TX, OK, KS",
        "Load: Wind turbine blade",
        "Dimensions: 120 ft L × 14 ft W × 15 ft H",
        "Weight: 180,000 lbs",
      ]),
    );
    expect(lines.join("\n")).not.toMatch(/object Object|Company|Occurred/);
  });

  it("shows a quote's pickup and delivery, and no History row in what they asked for", async () => {
    const { actor } = await makeUser();
    const leadId = await leadFromWebhook("quote");
    const activity = (await getLeadTimeline(actor, { lead_id: leadId })).items.find((t) => t.kind === "activity")!;
    const lines = text(serviceRows("quote", activity.data.payload as Record<string, unknown>, true));
    expect(lines).toEqual(
      expect.arrayContaining(["Pickup: Denver, CO on Tue, Dec 1, 2026", "Quote total: $2,350.75"]),
    );
    expect(lines.join("\n")).not.toMatch(/object Object/);

    const lead = await db.salesLead.findUniqueOrThrow({ where: { id: leadId } });
    expect(lead.leadData).toHaveProperty("history"); // the ingest's bookkeeping is there…
    const asked = serviceRows("quote", lead.leadData as Record<string, unknown>);
    expect(asked.map(([label]) => label)).not.toContain("History"); // …but not shown as asked for
    expect(asked.map(([label]) => label)).toEqual(
      expect.arrayContaining(["Pickup", "Delivery", "Pilot cars"]),
    );
  });
});
