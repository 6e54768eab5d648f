// Issue 16: when a larger load joins a lead, the timeline says the haul estimate grew (and when a
// smaller one joins, that the larger still sets the value), in words on the lead page.
import { renderToStaticMarkup } from "react-dom/server";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { CompanyTimeZoneProvider } from "@/components/ui/zoned-time";
import { makeUser } from "../fixtures/factories";
import { companyFor } from "../fixtures/lead-webhook";

const place = (state: string) => ({ city: "Somewhere", state });
const loadPlan = (company: ReturnType<typeof companyFor>, width_ft: number) =>
  createSalesLead({
    source: "load_plan",
    company,
    leadData: {
      route: { origin: place("TX"), destination: place("TX"), states: [], miles: 100 },
      load: { length_ft: 70, width_ft, height_ft: 13, weight_lbs: 80_000 },
      road_types: ["two_lane"],
    },
  });

it("says which load sets the haul estimate as loads join", async () => {
  const company = companyFor();
  const { leadId } = await loadPlan(company, 14.5); // TX 1 escort × 100 mi = $200
  await loadPlan(company, 16.5); // TX 2 × 100 = $400: replaces
  await loadPlan(company, 15); // $200: kept
  const { actor } = await makeUser();
  const html = renderToStaticMarkup(
    <CompanyTimeZoneProvider zone="America/Chicago">
      <LeadTimeline items={(await getLeadTimeline(actor, { lead_id: leadId })).items} />
    </CompanyTimeZoneProvider>,
  );
  expect(html).toContain("Haul estimate raised: a larger load joined");
  expect(html).toContain("New load: 16.5 ft wide, 13 ft high, 70 ft long (up to $400)");
  expect(html).toContain("Was: 14.5 ft wide, 13 ft high, 70 ft long (up to $200)");
  expect(html).toContain("Haul estimate kept: the larger load still sets the value");
  expect(html).toContain("Kept load: 16.5 ft wide, 13 ft high, 70 ft long (up to $400)");
});
